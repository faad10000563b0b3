"""The AWS boundary: the Connect calls, botocore's errors translated, throttling ridden out,
clients, settings and Regions.
"""
