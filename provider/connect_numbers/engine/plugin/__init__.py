"""The provider plugin `connect-numbers`: the second front end, served over the engine's gRPC."""
