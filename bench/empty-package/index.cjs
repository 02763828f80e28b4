// Empty on purpose: the CommonJS half of the baseline package.
