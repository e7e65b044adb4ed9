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
  region = "us-east-1"
}

resource "aws_iam_role" "connection" {
  name        = "doit-cloudflow-production"
  description = "Read-only automation for production accounts"
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
            "sts:ExternalId" = "b6f1c7e2-3a5d-4f8e-9c1b-2d7a6e4f0a93"
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
          "s3:GetObject",
          "s3:ListBucket",
        ]
        Resource = "*"
      },
    ]
  })
}

resource "aws_iam_role_policy_attachment" "managed" {
  for_each = toset([])

  role       = aws_iam_role.connection.name
  policy_arn = each.value
}
