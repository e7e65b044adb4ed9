#!/usr/bin/env bash
# Creates the IAM role of an AWS connection in the accounts of its scope with CloudFormation
# StackSets, and waits until every deployment has finished.
# Run it in AWS CloudShell, signed in to the management account of the organisation.
# It needs trusted access between StackSets and AWS Organizations, which
# `aws cloudformation activate-organizations-access` turns on:
# https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/stacksets-orgs-activate-trusted-access.html
# Everything below runs in a subshell, so that stopping on an error ends this script and
# never the shell it is pasted into.
(
set -euo pipefail

# The values this script uses.
MANAGEMENT_ACCOUNT_ID='111111111111'
REGION='us-east-1'
ROLE_NAME='doit-cloudflow-production'
STACK_SET_NAME='doit-cloudflow-production'
POLL_INTERVAL_SECONDS=15

# Template parameters: the role name, the platform account trusted to assume the role, and
# the external ID it must present. JSON keeps commas and quotes inside values exact.
PARAMETERS='[{"ParameterKey":"RoleName","ParameterValue":"doit-cloudflow-production"},{"ParameterKey":"TrustedAccountId","ParameterValue":"068664126052"},{"ParameterKey":"ExternalId","ParameterValue":"b6f1c7e2-3a5d-4f8e-9c1b-2d7a6e4f0a93"}]'

# Deploy to all accounts of an operation at once, and stop at the first failure.
OPERATION_PREFERENCES='{"ConcurrencyMode":"SOFT_FAILURE_TOLERANCE","FailureToleranceCount":0,"MaxConcurrentPercentage":100}'

# The CloudFormation template: the role, its trust policy and its permissions.
# shellcheck disable=SC2016 # literal text: nothing in it may expand
TEMPLATE_BODY='AWSTemplateFormatVersion: "2010-09-09"
Description: "Production"
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
      Description: "Read-only automation for production accounts"
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
                  - "s3:GetObject"
                  - "s3:ListBucket"
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

# Waits until a StackSet operation ends; stops the script, and every later operation, unless it
# succeeded.
# The AWS CLI has no waiter for StackSet operations, so this polls describe-stack-set-operation,
# whose answer is strongly consistent. Each create-stack-instances call waits for the previous
# one: a StackSet runs one operation at a time and refuses a second with OperationInProgressException.
# Managed execution (--managed-execution Active=true) would queue them instead, but the script
# would then end before any deployment did and could not report a failure.
wait_for_operation() {
  local stack_set_name=$1
  local operation_id=$2
  local status
  while true; do
    status=$(aws cloudformation describe-stack-set-operation \
      --stack-set-name "$stack_set_name" \
      --operation-id "$operation_id" \
      --region "$REGION" \
      --query StackSetOperation.Status \
      --output text)
    case "$status" in
      SUCCEEDED)
        echo "Operation $operation_id on $stack_set_name succeeded."
        return 0
        ;;
      FAILED | STOPPED)
        echo "Operation $operation_id on $stack_set_name ended with status $status:" >&2
        aws cloudformation describe-stack-set-operation \
          --stack-set-name "$stack_set_name" \
          --operation-id "$operation_id" \
          --region "$REGION" \
          --query StackSetOperation.StatusReason \
          --output text >&2
        echo "See the result for each account with:" >&2
        echo "  aws cloudformation list-stack-set-operation-results --stack-set-name $stack_set_name --operation-id $operation_id --region $REGION" >&2
        exit 1
        ;;
      *)
        echo "Operation $operation_id on $stack_set_name is $status; checking again in $POLL_INTERVAL_SECONDS seconds."
        sleep "$POLL_INTERVAL_SECONDS"
        ;;
    esac
  done
}

# StackSet 1 of 1: the selected root and OUs, with automatic deployment, so accounts added to them later get the role too.
echo "Creating StackSet $STACK_SET_NAME in $REGION..."
aws cloudformation create-stack-set \
  --stack-set-name "$STACK_SET_NAME" \
  --template-body "$TEMPLATE_BODY" \
  --parameters "$PARAMETERS" \
  --permission-model SERVICE_MANAGED \
  --auto-deployment Enabled=true,RetainStacksOnAccountRemoval=false \
  --capabilities CAPABILITY_NAMED_IAM \
  --region "$REGION"

# Deployment 1 of 1 for this StackSet: every account in 1 root or OU, child OUs included, except 1 account.
OPERATION_ID=$(aws cloudformation create-stack-instances \
  --stack-set-name "$STACK_SET_NAME" \
  --deployment-targets '{"OrganizationalUnitIds":["ou-ab12-prod0001"],"Accounts":["222222222222"],"AccountFilterType":"DIFFERENCE"}' \
  --regions "$REGION" \
  --operation-preferences "$OPERATION_PREFERENCES" \
  --region "$REGION" \
  --query OperationId \
  --output text)
wait_for_operation "$STACK_SET_NAME" "$OPERATION_ID"

echo "Done: the StackSets have deployed role $ROLE_NAME to the accounts of the scope in $REGION."
)
