"""The provider plugin run from source: `python provider/`, as `PulumiPlugin.yaml` asks.

Why: `pulumi package add ./provider` (or a git URL ending in `/provider`) runs this folder with
Python; `connect_numbers` is then imported from this folder, with no install of the package.
"""

from connect_numbers.engine.plugin.main import main

main()
