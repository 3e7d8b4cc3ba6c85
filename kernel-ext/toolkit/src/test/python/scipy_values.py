#!/usr/bin/python3
"""Prints the NumPy and SciPy values that CommonsMathVersusScipyTest pastes in: the type-7 quantiles
(numpy.quantile's default) of three small samples, and chi-square tests of homogeneity without
continuity correction. Run with Debian's interpreter and packages (python3-numpy, python3-scipy):

  /usr/bin/python3 kernel-ext/toolkit/src/test/python/scipy_values.py
"""
import numpy as np
import scipy
from scipy import stats

print("numpy", np.__version__, "scipy", scipy.__version__)
SAMPLES = [
    ([-12.05, -8.67, -7.79, -2.66, -2.01, -0.28, 0.91, 1.91, 4.73, 8.84], 0.10),
    ([-26.86, -24.41, -23.87, -5.61, -4.04, -3.31, -1.18, 4.4, 4.76, 5.16, 5.7], 0.25),
    ([-12.18, -9.32, -6.98, -3.14, -0.43, 0.76, 2.9, 3.13, 3.63, 5.47, 5.53, 6.66, 7.05, 8.51, 17.93], 0.05),
    ([1, 2, 3, 4], 0.25),
]
for values, p in SAMPLES:
    print("quantile", p, repr(float(np.quantile(values, p))))
for table in ([[50, 30, 20], [40, 35, 25]], [[5000, 3300, 700], [5600, 2800, 600]],
              [[50000, 33000, 7000], [56000, 28000, 6000]]):
    chi2, p, dof, _ = stats.chi2_contingency(table, correction=False)
    print("chi2", table, repr(float(chi2)), dof, repr(float(p)))
