"""`python -m registry` runs the registry command line."""

import sys

from registry.cli import main

sys.exit(main())
