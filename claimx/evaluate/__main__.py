"""``python -m claimx.evaluate GOLD.jsonl PRED.jsonl``."""

from . import main

raise SystemExit(main())
