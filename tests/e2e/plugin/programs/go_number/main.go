// A user's program against the Go SDK generated from the plugin's schema.
package main

import (
	"connectnumbers.local/sdk/go/connectnumbers"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		conf := config.New(ctx, "")
		support, err := connectnumbers.NewImportedPhoneNumber(ctx, "support",
			&connectnumbers.ImportedPhoneNumberArgs{
				InstanceId:           pulumi.String(conf.Require("instance")),
				SourcePhoneNumberArn: pulumi.String(conf.Require("source")),
				Description:          pulumi.String("Customer support"),
				Tags:                 pulumi.StringMap{"team": pulumi.String("care")},
			}, pulumi.Protect(true))
		if err != nil {
			return err
		}
		ctx.Export("supportNumber", support.PhoneNumber)
		return nil
	})
}
