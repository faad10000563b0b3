// Must fail the type check: a description that is not a string; a number with no source.
import * as connectNumbers from "connect-numbers";

new connectNumbers.ImportedPhoneNumber("wrong-type", {
    instanceId: "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee",
    sourcePhoneNumberArn: "arn:aws:sms-voice:us-east-1:123456789012:phone-number/phone-1",
    description: 42,
});

new connectNumbers.ImportedPhoneNumber("no-source", {
    instanceId: "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee",
});
