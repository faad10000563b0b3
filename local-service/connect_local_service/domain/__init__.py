"""What the service models: phone numbers, instances, traffic distribution groups and source
numbers, their lifecycles, and the rules they follow.
"""
