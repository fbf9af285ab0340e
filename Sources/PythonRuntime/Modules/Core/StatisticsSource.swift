/// `statistics`: the common averages and spreads, computed exactly on ints
/// and floats (as exact rationals) and rounded once at the end, so results
/// match CPython digit for digit.
enum StatisticsSource {
  static let text = #"""
"""Basic statistics module."""

__all__ = ['NormalDist', 'StatisticsError', 'correlation', 'covariance', 'fmean',
           'geometric_mean', 'harmonic_mean', 'linear_regression', 'mean', 'median',
           'median_grouped', 'median_high', 'median_low', 'mode', 'multimode',
           'pstdev', 'pvariance', 'quantiles', 'stdev', 'variance']

import math
from collections import Counter, namedtuple
from itertools import groupby


class StatisticsError(ValueError):
    pass


# Exact values are (numerator, denominator) pairs of ints, denominator > 0.

def _exact(x):
    if isinstance(x, bool):
        return (int(x), 1)
    if isinstance(x, int):
        return (x, 1)
    if isinstance(x, float):
        if not math.isfinite(x):
            raise _NonFinite(x)
        return x.as_integer_ratio()
    ratio = getattr(x, 'as_integer_ratio', None)
    if ratio is None:
        raise TypeError(f"can't convert type '{type(x).__name__}' to numerator/denominator")
    return ratio()


class _NonFinite(Exception):
    pass


def _reduce(n, d):
    if d < 0:
        n, d = -n, -d
    g = math.gcd(n, d)
    return (n // g, d // g) if g > 1 else (n, d)


def _add(a, b):
    return _reduce(a[0] * b[1] + b[0] * a[1], a[1] * b[1])


def _kind(values):
    """The numeric type results are converted to (int, bool or float)."""
    kind = int
    for v in values:
        t = type(v)
        if t is bool:
            t = int
        if t is float or issubclass(t, float):
            kind = float
        elif not issubclass(t, int):
            if kind is int:
                kind = t
    return kind


def _to(value, kind):
    n, d = value
    if kind is int:
        if d == 1:
            return n
        kind = float
    if kind is float:
        return n / d
    try:
        return kind(n) / kind(d)
    except TypeError:
        return n / d


def _sum(data):
    """Exact sum of data as (kind, (n, d), count); non-finite floats sum with floats."""
    data = list(data)
    kind = _kind(data)
    total = (0, 1)
    try:
        partials = {}
        for x in data:
            n, d = _exact(x)
            partials[d] = partials.get(d, 0) + n
        for d, n in partials.items():
            total = _add(total, (n, d))
    except _NonFinite:
        return kind, None, len(data), math.fsum(float(x) for x in data)
    return kind, total, len(data), None


def mean(data):
    """Return the sample arithmetic mean of data."""
    kind, total, n, special = _sum(data)
    if n < 1:
        raise StatisticsError('mean requires at least one data point')
    if special is not None:
        return special / n
    return _to(_reduce(total[0], total[1] * n), kind)


def fmean(data, weights=None):
    """Convert data to floats and compute the arithmetic mean."""
    if weights is None:
        data = [float(x) for x in data]
        if not data:
            raise StatisticsError('fmean requires at least one data point')
        return math.fsum(data) / len(data)
    data = list(data)
    weights = list(weights)
    if len(weights) != len(data):
        raise StatisticsError('data and weights must be the same length')
    num = math.fsum(float(x) * float(w) for x, w in zip(data, weights))
    den = math.fsum(float(w) for w in weights)
    if not den:
        raise StatisticsError('sum of weights must be non-zero')
    return num / den


def geometric_mean(data):
    """Convert data to floats and compute the geometric mean."""
    n = 0
    found_zero = False
    logs = []
    for x in data:
        n += 1
        if x > 0:
            logs.append(math.log(x))
        elif x == 0:
            found_zero = True
        else:
            raise StatisticsError('geometric mean requires a non-empty dataset '
                                  'containing positive numbers')
    if n == 0:
        raise StatisticsError('Must have a non-empty dataset')
    if found_zero:
        return 0.0
    return math.exp(math.fsum(logs) / n)


def harmonic_mean(data, weights=None):
    """Return the harmonic mean of data."""
    data = list(data)
    errmsg = 'harmonic mean does not support negative values'
    n = len(data)
    if n < 1:
        raise StatisticsError('harmonic_mean requires at least one data point')
    if n == 1 and weights is None:
        x = data[0]
        if isinstance(x, (int, float)):
            if x < 0:
                raise StatisticsError(errmsg)
            return x
        raise TypeError('unsupported type')
    if weights is None:
        weights = [1] * n
    else:
        weights = list(weights)
        if len(weights) != n:
            raise StatisticsError('Number of weights does not match data size')
    if any(x < 0 for x in data):
        raise StatisticsError(errmsg)
    if any(x == 0 for x in data):
        return 0
    kind = _kind(data + weights)
    if kind is int:
        kind = float
    total_w = (0, 1)
    total = (0, 1)
    for x, w in zip(data, weights):
        wn, wd = _exact(w)
        xn, xd = _exact(x)
        total_w = _add(total_w, (wn, wd))
        total = _add(total, (wn * xd, wd * xn))
    if total[0] <= 0:
        raise StatisticsError('Weighted sum must be positive')
    return _to(_reduce(total_w[0] * total[1], total_w[1] * total[0]), kind)


def median(data):
    """Return the median (middle value) of numeric data."""
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    if n % 2 == 1:
        return data[n // 2]
    i = n // 2
    return (data[i - 1] + data[i]) / 2


def median_low(data):
    """Return the low median of numeric data."""
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    return data[(n - 1) // 2]


def median_high(data):
    """Return the high median of data."""
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    return data[n // 2]


def median_grouped(data, interval=1.0):
    """Estimates the median for numeric data binned around the midpoints
    of consecutive, fixed-width intervals."""
    data = sorted(data)
    n = len(data)
    if not n:
        raise StatisticsError("no median for empty data")
    x = data[n // 2]
    lo = n // 2
    while lo > 0 and data[lo - 1] == x:
        lo -= 1
    hi = n // 2
    while hi < n and data[hi] == x:
        hi += 1
    try:
        interval = float(interval)
        x = float(x)
    except ValueError:
        raise TypeError('Value cannot be converted to a float')
    L = x - interval / 2.0
    cf = lo
    f = hi - lo
    return L + interval * (n / 2 - cf) / f


def mode(data):
    """Return the most common data point from discrete or nominal data."""
    pairs = Counter(iter(data)).most_common(1)
    if not pairs:
        raise StatisticsError('no mode for empty data')
    return pairs[0][0]


def multimode(data):
    """Return a list of the most frequently occurring values."""
    counts = Counter(iter(data))
    if not counts:
        return []
    top = max(counts.values())
    return [value for value, count in counts.items() if count == top]


def quantiles(data, *, n=4, method='exclusive'):
    """Divide *data* into *n* continuous intervals with equal probability."""
    if n < 1:
        raise StatisticsError('n must be at least 1')
    data = sorted(data)
    ld = len(data)
    if ld < 2:
        if ld == 1:
            return data * (n - 1)
        raise StatisticsError('must have at least one data point')
    if method == 'inclusive':
        m = ld - 1
        result = []
        for i in range(1, n):
            j, delta = divmod(i * m, n)
            interpolated = (data[j] * (n - delta) + data[j + 1] * delta) / n
            result.append(interpolated)
        return result
    if method == 'exclusive':
        m = ld + 1
        result = []
        for i in range(1, n):
            j = i * m // n
            j = 1 if j < 1 else ld - 1 if j > ld - 1 else j
            delta = i * m - j * n
            interpolated = (data[j - 1] * (n - delta) + data[j] * delta) / n
            result.append(interpolated)
        return result
    raise ValueError(f'Unknown method: {method!r}')


def _ss(data, c=None):
    """Kind, exact sum of squared deviations from the mean (or c), and count."""
    data = list(data)
    kind = _kind(data)
    n = len(data)
    try:
        exact = [_exact(x) for x in data]
    except _NonFinite:
        return kind, None, n
    if c is None:
        total = (0, 1)
        for v in exact:
            total = _add(total, v)
        centre = _reduce(total[0], total[1] * n) if n else (0, 1)
    else:
        centre = _exact(c)
    ss = (0, 1)
    dev_sum = (0, 1)
    for v in exact:
        dev = _add(v, (-centre[0], centre[1]))
        ss = _add(ss, (dev[0] * dev[0], dev[1] * dev[1]))
        dev_sum = _add(dev_sum, dev)
    # Correct for rounding of the mean: subtract (sum of deviations)**2 / n.
    correction = _reduce(dev_sum[0] * dev_sum[0], dev_sum[1] * dev_sum[1] * n)
    ss = _add(ss, (-correction[0], correction[1]))
    return kind, ss, n


def _sqrt_frac(n, m):
    """Correctly rounded float square root of the fraction n/m."""
    if n <= 0:
        return 0.0
    # Scale so the integer square root keeps enough bits, round to odd so
    # the final float rounding is correct.
    width = 109
    q = (n.bit_length() - m.bit_length() - width) // 2
    if q >= 0:
        num, den = n, m << (2 * q)
        scale = 1 << q
        a = math.isqrt(num // den)
        a |= (a * a * den != num)
        return float(a * scale)
    num, den = n << (-2 * q), m
    a = math.isqrt(num // den)
    a |= (a * a * den != num)
    return a / (1 << -q)


def variance(data, xbar=None):
    """Return the sample variance of data."""
    kind, ss, n = _ss(data, xbar)
    if n < 2:
        raise StatisticsError('variance requires at least two data points')
    if ss is None:
        return math.nan
    return _to(_reduce(ss[0], ss[1] * (n - 1)), kind)


def pvariance(data, mu=None):
    """Return the population variance of ``data``."""
    kind, ss, n = _ss(data, mu)
    if n < 1:
        raise StatisticsError('pvariance requires at least one data point')
    if ss is None:
        return math.nan
    return _to(_reduce(ss[0], ss[1] * n), kind)


def stdev(data, xbar=None):
    """Return the square root of the sample variance."""
    kind, ss, n = _ss(data, xbar)
    if n < 2:
        raise StatisticsError('stdev requires at least two data points')
    if ss is None:
        return math.nan
    num, den = _reduce(ss[0], ss[1] * (n - 1))
    return _sqrt_frac(num, den)


def pstdev(data, mu=None):
    """Return the square root of the population variance."""
    kind, ss, n = _ss(data, mu)
    if n < 1:
        raise StatisticsError('pstdev requires at least one data point')
    if ss is None:
        return math.nan
    num, den = _reduce(ss[0], ss[1] * n)
    return _sqrt_frac(num, den)


def covariance(x, y, /):
    """Covariance"""
    n = len(x)
    if len(y) != n:
        raise StatisticsError('covariance requires that both inputs have same number of data points')
    if n < 2:
        raise StatisticsError('covariance requires at least two data points')
    xbar = fmean(x)
    ybar = fmean(y)
    sxy = math.fsum((xi - xbar) * (yi - ybar) for xi, yi in zip(x, y))
    return sxy / (n - 1)


def correlation(x, y, /, *, method='linear'):
    """Pearson's correlation coefficient"""
    n = len(x)
    if len(y) != n:
        raise StatisticsError('correlation requires that both inputs have same number of data points')
    if n < 2:
        raise StatisticsError('correlation requires at least two data points')
    if method not in {'linear', 'ranked'}:
        raise ValueError(f'Unknown method: {method!r}')
    if method == 'ranked':
        x = _rank(x)
        y = _rank(y)
    xbar = fmean(x)
    ybar = fmean(y)
    sxy = math.fsum((xi - xbar) * (yi - ybar) for xi, yi in zip(x, y))
    sxx = math.fsum((d := xi - xbar) * d for xi in x)
    syy = math.fsum((d := yi - ybar) * d for yi in y)
    try:
        return sxy / math.sqrt(sxx * syy)
    except ZeroDivisionError:
        raise StatisticsError('at least one of the inputs is constant')


def _rank(data):
    order = sorted(range(len(data)), key=lambda i: data[i])
    ranks = [0.0] * len(data)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and data[order[j + 1]] == data[order[i]]:
            j += 1
        avg = (i + j) / 2 + 1
        for k in range(i, j + 1):
            ranks[order[k]] = avg
        i = j + 1
    return ranks


LinearRegression = namedtuple('LinearRegression', ('slope', 'intercept'))


def linear_regression(x, y, /, *, proportional=False):
    """Slope and intercept for simple linear regression."""
    n = len(x)
    if len(y) != n:
        raise StatisticsError('linear regression requires that both inputs have same number of data points')
    if n < 2:
        raise StatisticsError('linear regression requires at least two data points')
    if not proportional:
        xbar = fmean(x)
        ybar = fmean(y)
        x = [xi - xbar for xi in x]
        y = [yi - ybar for yi in y]
    sxy = math.fsum(xi * yi for xi, yi in zip(x, y))
    sxx = math.fsum(xi * xi for xi in x)
    try:
        slope = sxy / sxx
    except ZeroDivisionError:
        raise StatisticsError('x is constant')
    intercept = 0.0 if proportional else ybar - slope * xbar
    return LinearRegression(slope=slope, intercept=intercept)


class NormalDist:
    """Normal distribution of a random variable"""

    __slots__ = ('_mu', '_sigma')

    def __init__(self, mu=0.0, sigma=1.0):
        if sigma < 0.0:
            raise StatisticsError('sigma must be non-negative')
        self._mu = float(mu)
        self._sigma = float(sigma)

    @classmethod
    def from_samples(cls, data):
        return cls(*_mean_stdev(data))

    def pdf(self, x):
        variance = self._sigma * self._sigma
        if not variance:
            raise StatisticsError('pdf() not defined when sigma is zero')
        diff = x - self._mu
        return math.exp(diff * diff / (-2.0 * variance)) / math.sqrt(math.tau * variance)

    def cdf(self, x):
        if not self._sigma:
            raise StatisticsError('cdf() not defined when sigma is zero')
        return 0.5 * (1.0 + math.erf((x - self._mu) / (self._sigma * math.sqrt(2.0))))

    @property
    def mean(self):
        return self._mu

    @property
    def median(self):
        return self._mu

    @property
    def mode(self):
        return self._mu

    @property
    def stdev(self):
        return self._sigma

    @property
    def variance(self):
        return self._sigma * self._sigma

    def __eq__(self, x2):
        if not isinstance(x2, NormalDist):
            return NotImplemented
        return self._mu == x2._mu and self._sigma == x2._sigma

    def __hash__(self):
        return hash((self._mu, self._sigma))

    def __repr__(self):
        return f'{type(self).__name__}(mu={self._mu!r}, sigma={self._sigma!r})'


def _mean_stdev(data):
    data = list(data)
    return fmean(data), stdev(data)
"""#
}
