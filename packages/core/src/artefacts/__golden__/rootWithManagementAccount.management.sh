#!/usr/bin/env bash
# Creates the IAM role of an AWS connection in the management account of the organisation,
# which StackSets never deploy to, with a CloudFormation stack, and waits until it exists.
# Run it in AWS CloudShell, signed in to the management account.
# Everything below runs in a subshell, so that stopping on an error ends this script and
# never the shell it is pasted into.
(
set -euo pipefail

# The values this script uses.
MANAGEMENT_ACCOUNT_ID='111111111111'
REGION='eu-west-1'
ROLE_NAME='doit-cloudflow-ops_all.team'
STACK_NAME='doit-cloudflow-ops-all-team-1fe74303'

# Template parameters: the role name, the platform account trusted to assume the role, and
# the external ID it must present. JSON keeps commas and quotes inside values exact.
PARAMETERS='[{"ParameterKey":"RoleName","ParameterValue":"doit-cloudflow-ops_all.team"},{"ParameterKey":"TrustedAccountId","ParameterValue":"068664126052"},{"ParameterKey":"ExternalId","ParameterValue":"tenant=acme,env:prod/a@b.c+d_e-f"}]'

# The CloudFormation template: the role, its trust policy and its permissions.
# shellcheck disable=SC2016 # literal text: nothing in it may expand
TEMPLATE_BODY='AWSTemplateFormatVersion: "2010-09-09"
Description: "Ops \"all\" $(whoami) `id` ${HOME} %{ if x } it'\''s, a=b"
Parameters:
  RoleName:
    Type: "String"
    Description: "Name of the IAM role the platform assumes."
    AllowedPattern: "^[\\w+=,.@-]+$"
    MinLength: 1
    MaxLength: 64
  TrustedAccountId:
    Type: "String"
    Description: "The platform account allowed to assume the role."
    AllowedPattern: "^[0-9]{12}$"
  ExternalId:
    Type: "String"
    Description: "External ID the platform must present when it assumes the role."
    AllowedPattern: "^[\\w+=,.@:/-]*$"
    MinLength: 2
    MaxLength: 1224
Resources:
  ConnectionRole:
    Type: "AWS::IAM::Role"
    Properties:
      RoleName:
        Ref: "RoleName"
      Description: "Line one\nLine two\t\"quoted\", $(not run) ${HOME} %{x} été"
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: "Allow"
            Principal:
              AWS:
                Fn::Sub: "arn:${AWS::Partition}:iam::${TrustedAccountId}:root"
            Action: "sts:AssumeRole"
            Condition:
              StringEquals:
                "sts:ExternalId":
                  Ref: "ExternalId"
      ManagedPolicyArns:
        - "arn:aws:iam::aws:policy/ReadOnlyAccess"
        - "arn:aws:iam::aws:policy/job-function/ViewOnlyAccess"
      Policies:
        - PolicyName: "DoitCloudFlowConnectionBasePolicy"
          PolicyDocument:
            Version: "2012-10-17"
            Statement:
              - Sid: "ReadOwnPolicies"
                Effect: "Allow"
                Action:
                  - "iam:ListAttachedRolePolicies"
                  - "iam:ListRolePolicies"
                  - "iam:GetRolePolicy"
                Resource:
                  Fn::Sub: "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/${RoleName}"
              - Sid: "ReadManagedPolicies"
                Effect: "Allow"
                Action:
                  - "iam:GetPolicy"
                  - "iam:GetPolicyVersion"
                Resource: "*"
        - PolicyName: "DoitCloudFlowConnectionAllowedActionsPolicy"
          PolicyDocument:
            Version: "2012-10-17"
            Statement:
              - Sid: "AllowedActions"
                Effect: "Allow"
                Action:
                  - "ec2:DescribeRegions"
                  - "ec2:DescribeInstances"
                  - "iam:*AccessKey*"
                Resource: "*"
Outputs:
  RoleArn:
    Description: "ARN of the connection role."
    Value:
      Fn::GetAtt:
        - "ConnectionRole"
        - "Arn"
'

# Stop unless these credentials belong to the management account.
CALLER_ACCOUNT_ID=$(aws sts get-caller-identity --region "$REGION" --query Account --output text)
if [[ "$CALLER_ACCOUNT_ID" != "$MANAGEMENT_ACCOUNT_ID" ]]; then
  echo "These credentials belong to account $CALLER_ACCOUNT_ID; sign in to the management account $MANAGEMENT_ACCOUNT_ID and run this script again." >&2
  exit 1
fi

# Create the stack, then wait until CloudFormation reports CREATE_COMPLETE.
echo "Creating stack $STACK_NAME in $REGION..."
aws cloudformation create-stack \
  --stack-name "$STACK_NAME" \
  --template-body "$TEMPLATE_BODY" \
  --parameters "$PARAMETERS" \
  --capabilities CAPABILITY_NAMED_IAM \
  --region "$REGION"
aws cloudformation wait stack-create-complete \
  --stack-name "$STACK_NAME" \
  --region "$REGION"
echo "Done: role $ROLE_NAME exists in the management account $MANAGEMENT_ACCOUNT_ID."
)
