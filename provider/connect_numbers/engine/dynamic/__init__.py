"""The dynamic-provider front end: the ImportedPhoneNumber resource for Python programs, its
provider, and the adaptations of Pulumi's dynamic host.
"""
