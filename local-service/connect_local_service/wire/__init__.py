"""The AWS wire protocol: decoding and routing requests from botocore's models, the handlers of
each operation, and the response and error shapes.
"""
