"""Partner-support topics: what `GET /v1/servicerequests/supporttopics` lists (API.md section 2).

The create API (`POST /v1/servicerequests/{agent-locale}`) only ever filed the partner's own
tickets with Microsoft, never a customer's (microsoft/PartnerCenterPowerShellModule#47: "Partner
Center API supports only open Partner Center support tickets"), so its topics are about the
partner's business with Microsoft, not about a customer's Exchange or Teams.

Shape and the first topic are Microsoft's published example ("Get service request support
topics", learn.microsoft.com/previous-versions/azure/cloud-solution-provider/integration/
provide-support/get-service-request-support-topics): `{"name": "Partner Center Issues",
"description": "Microsoft 365 questions from the CSP (Cloud Solution Provider) partners using
Partner Center", "id": 32444667, "attributes": {"objectType": "SupportTopic"}}`, ids as numbers.
32569836 is the id in the PartnerCenter PowerShell module's New-PartnerServiceRequest example
(Partner-Center-PowerShell docs/help/New-PartnerServiceRequest.md); its name and the others are
ours.
"""

from __future__ import annotations

# (id, name, description, productId, productName, typical titles): the shape of
# catalog.SUPPORT_TOPICS, so that a ticket is made the same way from either.
PARTNER_TOPICS: tuple[tuple[int, str, str, str, str, tuple[str, ...]], ...] = (
    (
        32444667,
        "Partner Center Issues",
        "Microsoft 365 questions from the CSP (Cloud Solution Provider) partners using "
        "Partner Center",
        "90",
        "Partner Center",
        (
            "Customer list stops loading after the first pages",
            "Cannot open the customer's Service management page",
            "Partner Center shows a customer twice after a tenant rename",
        ),
    ),
    (
        32444668,
        "Customer relationships and GDAP",
        "Reseller invitations, granular admin relationships, security groups and roles.",
        "91",
        "Partner Center",
        (
            "GDAP relationship stuck in 'approval pending' after the customer approved",
            "Security group assignment does not grant the expected role",
        ),
    ),
    (
        32444669,
        "Partner Center API and SDK",
        "Errors, throttling and unexpected answers from the Partner Center REST API.",
        "92",
        "Partner Center API",
        (
            "Partner Center API answers 500 for the customers endpoint",
            "Continuation token rejected on the second page of customers",
        ),
    ),
    (
        32444670,
        "Partner billing and invoices",
        "The partner's own invoices, reconciliation files and payment profile.",
        "93",
        "Partner billing",
        (
            "Reconciliation file is missing last month's usage lines",
            "Invoice currency does not match the billing profile",
        ),
    ),
    (
        32569836,
        "Partner incentives and benefits",
        "Incentive payouts, program enrolment and partner benefits.",
        "94",
        "Partner programs",
        ("Incentive payout report is empty for the last quarter",),
    ),
)
TOPICS_BY_ID = {t[0]: t for t in PARTNER_TOPICS}
