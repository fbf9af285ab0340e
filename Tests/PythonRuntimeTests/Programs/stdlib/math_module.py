import math
print(math.pi, math.e, math.tau, math.inf, math.nan)
print(math.sqrt(2), math.sqrt(16), math.floor(3.7), math.ceil(3.2), math.trunc(-3.7))
print(math.floor(-0.5), math.ceil(-0.5), math.floor(10**30), math.floor(1e30))
print(math.fabs(-3), math.factorial(0), math.factorial(20), math.factorial(30))
print(math.gcd(12, 18), math.gcd(), math.gcd(0, 0), math.gcd(-12, 18, 30), math.gcd(2**100, 2**80*3))
print(math.lcm(4, 6), math.lcm(), math.lcm(0, 5), math.lcm(2, 3, 4))
print(math.isqrt(10), math.isqrt(10**40), math.comb(10, 3), math.comb(100, 50), math.perm(5, 2), math.perm(5))
print(math.prod([1, 2, 3, 4]), math.prod([]), math.prod([1.5, 2]), math.prod(range(1, 30)), math.prod([2], start=5))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]))
print(math.hypot(3, 4), math.hypot(), math.hypot(1, 1, 1), math.dist((0, 0), (3, 4)), math.dist([1, 2, 3], [4, 5, 6]))
print(math.exp(1), math.exp(0), math.log(math.e), math.log(100, 10), math.log(8, 2), math.log2(1024), math.log10(1000))
print(math.log1p(1e-10), math.expm1(1e-10), math.log(2**2000), math.log10(10**500), math.log2(2**3000))
print(math.pow(2, 10), math.pow(2, 0.5), math.pow(0, 0))
print(math.sin(math.pi / 2), math.cos(0), math.tan(math.pi / 4), math.asin(1), math.acos(1), math.atan(1), math.atan2(1, 1))
print(math.sinh(1), math.cosh(1), math.tanh(1), math.asinh(1), math.acosh(2), math.atanh(0.5))
print(math.degrees(math.pi), math.radians(180), math.isclose(0.1 + 0.2, 0.3), math.isclose(1, 1.1), math.isclose(1, 1.05, rel_tol=0.1))
print(math.isfinite(1.0), math.isinf(math.inf), math.isnan(math.nan), math.copysign(3, -0.0), math.fmod(10, 3), math.fmod(-10, 3))
print(math.remainder(10, 3), math.remainder(11, 3), math.frexp(8.0), math.frexp(0.0), math.ldexp(0.5, 4), math.modf(3.5), math.modf(-3.5))
print(math.nextafter(1.0, 2.0), math.nextafter(1.0, 0.0), math.ulp(1.0), math.ulp(0.0), math.ulp(1e300))
print(math.gamma(5), math.gamma(0.5), math.lgamma(10), math.erf(1), math.erfc(1), math.cbrt(27), math.exp2(10))
print(type(math.floor(3.5)), type(math.ceil(2)), math.trunc(5), math.floor(True))
#print(math.sumprod([1, 2, 3], [4, 5, 6]), math.sumprod([0.1, 0.2], [3, 4]))
for expr in ["math.sqrt(-1)", "math.log(0)", "math.log(0.0)", "math.log(-1.5)", "math.factorial(-1)", "math.factorial(2.5)",
             "math.acos(2)", "math.exp(1000)", "math.pow(0, -1)", "math.pow(-1, 0.5)", "math.fmod(1, 0)", "math.comb(-1, 2)",
             "math.isqrt(-1)", "math.sqrt('x')", "math.floor('x')", "math.gcd(1.5)", "math.sin(math.inf)", "math.ldexp(1.0, 2000)",
             "math.gamma(0)", "math.gamma(-2)", "math.dist((1,), (1, 2))", "math.isclose(1, 2, rel_tol=-1)", "math.sqrt()", "math.atan2(1)",
             "math.fsum([math.inf, -math.inf])", "math.log(10, 1)", "math.floor(math.nan)", "math.ceil(math.inf)", "math.trunc('a')",
             "math.log1p(-1)", "math.acosh(0)", "math.atanh(1)", "math.perm(-1)", "math.comb(5, -1)", "math.sqrt(10**400)", "math.cosh(1000)"]:
    try:
        print(expr, "->", eval(expr))
    except Exception as e:
        print(expr, "->", type(e).__name__, e)
print(math.sumprod([1, 2, 3], [4, 5, 6]), math.sumprod([0.1, 0.2], [3, 4]), math.sumprod([1.5, 2], [2, True]))
