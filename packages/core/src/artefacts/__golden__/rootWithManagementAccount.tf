# The IAM role of an AWS connection, for one account. Apply it once in each account of the
# connection's scope, with credentials for that account; accounts that join the scope later
# need it too.

terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.0"
    }
  }
}

provider "aws" {
  region = "eu-west-1"
}

resource "aws_iam_role" "connection" {
  name        = "doit-cloudflow-ops_all.team"
  description = "Line one\nLine two\t\"quoted\", $(not run) $${HOME} %%{x} été"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect = "Allow"
        Principal = {
          AWS = "arn:aws:iam::068664126052:root"
        }
        Action = "sts:AssumeRole"
        Condition = {
          StringEquals = {
            "sts:ExternalId" = "tenant=acme,env:prod/a@b.c+d_e-f"
          }
        }
      },
    ]
  })
}

resource "aws_iam_role_policy" "base" {
  name = "DoitCloudFlowConnectionBasePolicy"
  role = aws_iam_role.connection.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid    = "ReadOwnPolicies"
        Effect = "Allow"
        Action = [
          "iam:ListAttachedRolePolicies",
          "iam:ListRolePolicies",
          "iam:GetRolePolicy",
        ]
        Resource = aws_iam_role.connection.arn
      },
      {
        Sid    = "ReadManagedPolicies"
        Effect = "Allow"
        Action = [
          "iam:GetPolicy",
          "iam:GetPolicyVersion",
        ]
        Resource = "*"
      },
    ]
  })
}

resource "aws_iam_role_policy" "allowed_actions" {
  name = "DoitCloudFlowConnectionAllowedActionsPolicy"
  role = aws_iam_role.connection.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid    = "AllowedActions"
        Effect = "Allow"
        Action = [
          "ec2:DescribeRegions",
          "ec2:DescribeInstances",
          "iam:*AccessKey*",
        ]
        Resource = "*"
      },
    ]
  })
}

resource "aws_iam_role_policy_attachment" "managed" {
  for_each = toset([
    "arn:aws:iam::aws:policy/ReadOnlyAccess",
    "arn:aws:iam::aws:policy/job-function/ViewOnlyAccess",
  ])

  role       = aws_iam_role.connection.name
  policy_arn = each.value
}
