"""Amazon Connect imported phone numbers as Pulumi resources."""
