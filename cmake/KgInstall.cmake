# Filled in with the install/export rules.
