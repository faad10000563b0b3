import sys

from connect_local_service.server.cli import main

sys.exit(main())
