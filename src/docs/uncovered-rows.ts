import type { EQUIVALENT_TOOLS } from '../engine/rule.js';

/**
 * Checks of other tools that no built-in rule covers, with the reason, shown in docs/rules.md under
 * that tool's parity table. A check listed here must not also be named in a rule's `equivalents`
 * (test/rules/uncovered-rows.test.ts). So far: the AgentCore (AC) and agentic (AG) rows of the AWS AI/ML
 * security assessment; its SageMaker, Bedrock and financial-services rows are not listed yet.
 */
export const UNCOVERED_ROWS: Partial<Record<(typeof EQUIVALENT_TOOLS)[number], ReadonlyArray<{ check: string; reason: string }>>> = {
  'aws-aiml-assessment': [
    { check: 'AC-03', reason: 'stale AgentCore access needs iam:GenerateServiceLastAccessedDetails, which starts a report job: not a read-only List/Get/Describe call' },
    { check: 'AC-04', reason: 'runtime logs and traces are CloudWatch vended log deliveries (logs:DescribeDeliveries), not settings of the runtime: not read yet' },
    { check: 'AC-05', reason: 'ECR repository encryption: ECR is not read yet (planned with image provenance)' },
    { check: 'AC-08', reason: 'AgentCore VPC endpoints: endpoints are read for Bedrock only, and the VPCs of AgentCore runtimes need their subnets (DescribeSubnets): not read yet' },
    { check: 'AC-09', reason: 'not a posture check: AWS creates the AgentCore network service-linked role with the first VPC runtime, and its trust policy cannot be edited' },
    { check: 'AC-13', reason: 'not a check: the row counts gateways, which aispm lists in the inventory' },
    { check: 'AG-04', reason: 'as BR-24 (Automated Reasoning policy on guardrails): the guardrail property is read, no rule yet' },
    { check: 'AG-08', reason: 'as BR-06 (CloudTrail logging Bedrock): CloudTrail is not read yet' },
    { check: 'AG-09', reason: 'as BR-15 (Organizations Bedrock policies): Organizations is not read yet' },
    { check: 'AG-10', reason: 'as BR-18 (recent model evaluation jobs): not a configuration setting; evaluation jobs are not read' },
    { check: 'AG-11', reason: 'as BR-19 (flow prepared, no validation errors): flow validations are not read yet' },
    { check: 'AG-12', reason: 'as BR-22 (Bedrock quotas left at their defaults): Service Quotas is not read' },
    { check: 'AG-14', reason: 'as BR-32 (CloudWatch alarms on AWS/Bedrock): alarms are not read' },
    { check: 'AG-17', reason: 'as AC-03' },
    { check: 'AG-18', reason: 'as AC-04' },
    { check: 'AG-20', reason: 'as AC-08' },
  ],
};
