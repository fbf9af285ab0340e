import statistics as st
data = [2.75, 1.75, 1.25, 0.25, 0.5, 1.25, 3.5]
print(st.mean([1, 2, 3, 4, 4]), st.mean([1, 2, 3]), st.mean(data), st.mean([0.1, 0.2, 0.3]), st.fmean([3.5, 4.0, 5.25]))
print(st.median([1, 3, 5]), st.median([1, 3, 5, 7]), st.median_low([1, 3, 5, 7]), st.median_high([1, 3, 5, 7]), st.median_grouped([52, 52, 53, 54]))
print(st.mode([1, 1, 2, 3, 3, 3, 3, 4]), st.mode(["red", "blue", "blue", "red", "green", "red", "red"]), st.multimode('aabbbbccddddeeffffgg'))
print(st.stdev([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]), st.pstdev([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]), st.variance(data), st.pvariance([0.0, 0.25, 0.25, 1.25, 1.5, 1.75, 2.75, 3.25]))
print(st.variance([2, 4, 6]), st.variance([1, 2, 3, 4]), st.stdev([2, 4, 4, 4, 5, 5, 7, 9]), st.pstdev([2, 4, 4, 4, 5, 5, 7, 9]), st.stdev(range(10)))
print(st.quantiles([105, 129, 87, 86, 111, 111, 89, 81, 108, 92, 110, 100, 75, 105, 103, 109, 76, 119, 99, 91, 103, 129, 106, 101, 84, 111, 74, 87, 86, 103, 103, 106, 86, 111, 75, 87, 102, 121, 111, 88, 89, 101, 106, 95, 103, 107, 101, 81, 109, 104], n=10))
print(st.harmonic_mean([40, 60]), st.geometric_mean([54, 24, 36]), st.correlation([1, 2, 3, 4, 5], [2, 4, 5, 4, 5]), st.linear_regression([1, 2, 3, 4, 5], [2, 4, 5, 4, 5]))
try: st.mean([])
except st.StatisticsError as e: print(e)
try: st.stdev([1])
except st.StatisticsError as e: print(e)
print(st.mean([True, False, True]), st.variance([0.1, 0.2, 0.3, 0.4]), st.stdev([10.5, 11.2, 9.8, 10.1, 10.9]))
