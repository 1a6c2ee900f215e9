/* test-license-diagnosis.c — "Where are my licenses?": the checks and the verdict
 *
 * SaLicenseDiagnosis on orders as each back end gives them: the Desk's (the
 * assignment and export hold known) and Cisco's (status text only,
 * assignment-known FALSE), with licenses found or not, and the user's own
 * Smart Accounts. One case per verdict: not found, not shipped, shipped and
 * deposited, Pending account, export hold, Holding only, no Smart Account, in
 * the account (licenses not listable), not visible, cannot tell.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "core-test-util.h"
#include "sa-account-access.h"
#include "sa-license.h"
#include "sa-license-diagnosis.h"

#define EC_ACTIVE "{\"domain\": \"acme-industrie.fr\", \"name\": \"Acme Industrie\"," \
  " \"type\": \"CUSTOMER\", \"status\": \"ACTIVE\", \"virtualAccount\": \"DEFAULT\"}"
#define EC_PENDING "{\"domain\": \"trattoria-mario.example\", \"name\": \"Trattoria Da Mario\"," \
  " \"type\": \"CUSTOMER\", \"status\": \"PENDING\", \"virtualAccount\": \"DEFAULT\"}"
#define HOLDING "{\"domain\": \"northwind-holding.example\", \"name\": \"Northwind Holding\"," \
  " \"type\": \"HOLDING\", \"status\": \"ACTIVE\", \"virtualAccount\": \"Stock\"}"

/* A Desk order (assignment and export hold known). */
static SaOrder *
desk_order (const char *status,
            gboolean    export_hold,
            const char *end_customer,
            const char *holding)
{
  g_autofree char *json = NULL;
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(GError) error = NULL;
  SaOrder *order;

  json = g_strdup_printf ("{\"salesOrderNumber\": \"104857601\", \"status\": \"%s\", \"version\": 1,"
                          " \"exportHold\": %s, \"endCustomer\": %s, \"holding\": %s}",
                          status, export_hold ? "true" : "false", end_customer, holding);
  object = parse_object (json);
  order = sa_order_new_from_json (object, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (sa_order_get_assignment_known (order));

  return order;
}

/* A Cisco order: the status text only. */
static SaOrder *
cisco_order (const char *status_text)
{
  SaOrderStatus status = g_ascii_strcasecmp (status_text, "Shipped") == 0 ? SA_ORDER_STATUS_SHIPPED
                                                                          : SA_ORDER_STATUS_BOOKED;
  SaOrder *order = sa_order_new ("104857601", status, status_text);

  sa_order_set_assignment_known (order, FALSE);
  return order;
}

static GListModel *
licenses_in (const char *domain,
             const char *name,
             const char *virtual_account,
             gint64      quantity)
{
  GListStore *store = g_list_store_new (SA_TYPE_LICENSE);
  g_autoptr(SaLicense) license = sa_license_new ("Catalyst 9300 DNA Essentials", virtual_account,
                                                 quantity + 10, 0, quantity + 10, "In Compliance");
  g_autoptr(SaLicenseDetail) ours = sa_license_detail_new ("104857601", "C9300-DNA-E-24", "PERPETUAL",
                                                           quantity, "ACTIVE", "2026-10-02", NULL);
  g_autoptr(SaLicenseDetail) other = sa_license_detail_new ("104857999", "C9300-DNA-E-24", "PERPETUAL",
                                                            10, "ACTIVE", "2025-01-01", NULL);

  sa_license_add_detail (license, ours);
  sa_license_add_detail (license, other);
  sa_license_set_smart_account (license, domain, name);
  g_list_store_append (store, license);

  return G_LIST_MODEL (store);
}

static GListModel *
no_licenses (void)
{
  return G_LIST_MODEL (g_list_store_new (SA_TYPE_LICENSE));
}

/* The user's accounts: one per (domain, name, type, status) quadruple. */
static GListModel *
my_accounts (const char *first, ...)
{
  GListStore *store = g_list_store_new (SA_TYPE_ACCOUNT_ACCESS);
  const char *domain = first;
  va_list args;

  va_start (args, first);
  while (domain != NULL)
    {
      const char *name = va_arg (args, const char *);
      SaAccountType type = va_arg (args, SaAccountType);
      SaAccountStatus status = va_arg (args, SaAccountStatus);
      g_autoptr(SaSmartAccount) account = sa_smart_account_new (NULL, domain, name, type, status, NULL);
      g_autoptr(SaAccountAccess) access = sa_account_access_new (account);

      sa_account_access_add_role (access, "Smart Account User", NULL);
      g_list_store_append (store, access);
      domain = va_arg (args, const char *);
    }
  va_end (args);

  return G_LIST_MODEL (store);
}

static void
assert_outcomes (SaLicenseDiagnosis *diagnosis,
                 const SaLicenseCheckOutcome expected[SA_LICENSE_N_CHECKS])
{
  for (guint i = 0; i < SA_LICENSE_N_CHECKS; i++)
    {
      if (sa_license_diagnosis_get_outcome (diagnosis, i) != expected[i])
        g_error ("Check %u: outcome %d, expected %d", i,
                 sa_license_diagnosis_get_outcome (diagnosis, i), expected[i]);
    }
}

#define P SA_LICENSE_OUTCOME_PASSED
#define F SA_LICENSE_OUTCOME_FAILED
#define U SA_LICENSE_OUTCOME_UNKNOWN
#define S SA_LICENSE_OUTCOME_SKIPPED

static void
test_not_found (void)
{
  g_autoptr(GListModel) licenses = no_licenses ();
  g_autoptr(SaLicenseDiagnosis) diagnosis = sa_license_diagnosis_new ("999999999", NULL, licenses, NULL);
  const SaLicenseCheckOutcome expected[] = { F, S, S, S, S, S };

  g_assert_cmpint (sa_license_diagnosis_get_verdict (diagnosis), ==, SA_LICENSE_VERDICT_ORDER_NOT_FOUND);
  g_assert_cmpstr (sa_license_diagnosis_get_order_number (diagnosis), ==, "999999999");
  g_assert_null (sa_license_diagnosis_get_order (diagnosis));
  g_assert_null (sa_license_diagnosis_get_licenses (diagnosis));
  g_assert_false (sa_license_diagnosis_get_assignment_known (diagnosis));
  g_assert_null (sa_license_diagnosis_get_account_name (diagnosis));
  assert_outcomes (diagnosis, expected);
  g_assert_cmpint (sa_license_diagnosis_get_link (diagnosis), ==, SA_LICENSE_LINK_CCW_ORDER);
  g_assert_cmpstr (sa_license_link_get_uri (SA_LICENSE_LINK_CCW_ORDER), ==, "https://apps.cisco.com/Commerce/order");
}

static void
test_not_shipped (void)
{
  /* Cisco: "Booked", nothing found yet, assignment not published. */
  {
    g_autoptr(SaOrder) order = cisco_order ("Booked");
    g_autoptr(GListModel) licenses = no_licenses ();
    g_autoptr(GListModel) accounts = my_accounts ("acme-industrie.fr", "Acme Industrie",
                                                  SA_ACCOUNT_TYPE_CUSTOMER, SA_ACCOUNT_STATUS_ACTIVE, NULL);
    g_autoptr(SaLicenseDiagnosis) diagnosis = sa_license_diagnosis_new ("104857601", order, licenses, accounts);
    const SaLicenseCheckOutcome expected[] = { P, F, F, U, U, U };

    g_assert_cmpint (sa_license_diagnosis_get_verdict (diagnosis), ==, SA_LICENSE_VERDICT_NOT_SHIPPED);
    g_assert_false (sa_license_diagnosis_get_assignment_known (diagnosis));
    g_assert_null (sa_license_diagnosis_get_account_name (diagnosis));
    assert_outcomes (diagnosis, expected);
    g_assert_cmpint (sa_license_diagnosis_get_link (diagnosis), ==, SA_LICENSE_LINK_CCW_ORDER);
  }

  /* Desk: BOOKED, parked on a Holding account only: the answer is "not
   * shipped", and the Holding check already fails (assign before it ships). */
  {
    g_autoptr(SaOrder) order = desk_order ("BOOKED", FALSE, "null", HOLDING);
    g_autoptr(SaLicenseDiagnosis) diagnosis = sa_license_diagnosis_new ("104857601", order, NULL, NULL);
    const SaLicenseCheckOutcome expected[] = { P, F, U, S, P, F };

    g_assert_cmpint (sa_license_diagnosis_get_verdict (diagnosis), ==, SA_LICENSE_VERDICT_NOT_SHIPPED);
    g_assert_true (sa_license_diagnosis_get_assignment_known (diagnosis));
    g_assert_cmpstr (sa_license_diagnosis_get_account_name (diagnosis), ==, "Northwind Holding");
    assert_outcomes (diagnosis, expected);
  }
}

static void
test_deposited (void)
{
  g_autoptr(SaOrder) order = cisco_order ("Shipped");
  g_autoptr(GListModel) licenses = licenses_in ("acme-industrie.fr", "Acme Industrie", "東京支社", 2);
  g_autoptr(SaLicenseDiagnosis) diagnosis = sa_license_diagnosis_new ("104857601", order, licenses, NULL);
  const SaLicenseCheckOutcome expected[] = { P, P, P, P, P, P };

  g_assert_cmpint (sa_license_diagnosis_get_verdict (diagnosis), ==, SA_LICENSE_VERDICT_DEPOSITED);
  g_assert_cmpstr (sa_license_diagnosis_get_account_name (diagnosis), ==, "Acme Industrie");
  g_assert_cmpstr (sa_license_diagnosis_get_account_domain (diagnosis), ==, "acme-industrie.fr");
  g_assert_cmpstr (sa_license_diagnosis_get_virtual_account (diagnosis), ==, "東京支社");
  /* Only the quantity that came from this order, not the other detail's. */
  g_assert_cmpint (sa_license_diagnosis_get_quantity (diagnosis), ==, 2);
  g_assert_true (sa_license_diagnosis_get_licenses (diagnosis) == licenses);
  assert_outcomes (diagnosis, expected);
  g_assert_cmpint (sa_license_diagnosis_get_link (diagnosis), ==, SA_LICENSE_LINK_SOFTWARE_CENTRAL);

  /* Found although the status text is not "Shipped" (Cisco's values are not
   * published): the licenses answer the question. */
  {
    g_autoptr(SaOrder) partial = cisco_order ("Partially Shipped");
    g_autoptr(SaLicenseDiagnosis) second = sa_license_diagnosis_new ("104857601", partial, licenses, NULL);

    g_assert_cmpint (sa_license_diagnosis_get_verdict (second), ==, SA_LICENSE_VERDICT_DEPOSITED);
    g_assert_cmpint (sa_license_diagnosis_get_outcome (second, SA_LICENSE_CHECK_SHIPPED), ==, F);
  }

  /* A Smart Account without a name: its domain stands for it. */
  {
    g_autoptr(GListModel) unnamed = licenses_in ("acme-industrie.fr", NULL, "DEFAULT", 5);
    g_autoptr(SaLicenseDiagnosis) third = sa_license_diagnosis_new ("104857601", order, unnamed, NULL);

    g_assert_cmpstr (sa_license_diagnosis_get_account_name (third), ==, "acme-industrie.fr");
    g_assert_cmpint (sa_license_diagnosis_get_quantity (third), ==, 5);
  }

  /* A detail whose order number comes with spaces around it is found (as
   * sa_license_has_order() finds it) and its quantity counted, as the
   * hand-off watch counts it. */
  {
    g_autoptr(GListModel) padded = licenses_in ("acme-industrie.fr", "Acme Industrie", "DEFAULT", 0);
    g_autoptr(SaLicense) license = g_list_model_get_item (padded, 0);
    g_autoptr(SaLicenseDetail) spaced = sa_license_detail_new (" 104857601 ", "C9300-DNA-E-24", "PERPETUAL",
                                                               3, "ACTIVE", "2026-10-02", NULL);
    g_autoptr(SaLicenseDiagnosis) fourth = NULL;

    sa_license_add_detail (license, spaced);
    fourth = sa_license_diagnosis_new ("104857601", order, padded, NULL);
    g_assert_cmpint (sa_license_diagnosis_get_verdict (fourth), ==, SA_LICENSE_VERDICT_DEPOSITED);
    g_assert_cmpint (sa_license_diagnosis_get_quantity (fourth), ==, 3);
    g_assert_cmpint (sa_license_count_from_order (padded, " 104857601"), ==, 3);
    g_assert_cmpint (sa_license_count_from_order (padded, "104857999"), ==, 10);
    g_assert_cmpint (sa_license_count_from_order (padded, "  "), ==, 0);
  }
}

static void
test_account_pending (void)
{
  /* Desk: the End Customer Smart Account is Pending. */
  {
    g_autoptr(SaOrder) order = desk_order ("SHIPPED", FALSE, EC_PENDING, "null");
    g_autoptr(SaLicenseDiagnosis) diagnosis = sa_license_diagnosis_new ("104857601", order, NULL, NULL);
    const SaLicenseCheckOutcome expected[] = { P, P, U, F, P, P };

    g_assert_cmpint (sa_license_diagnosis_get_verdict (diagnosis), ==, SA_LICENSE_VERDICT_ACCOUNT_PENDING);
    g_assert_cmpstr (sa_license_diagnosis_get_account_name (diagnosis), ==, "Trattoria Da Mario");
    g_assert_cmpstr (sa_license_diagnosis_get_virtual_account (diagnosis), ==, "DEFAULT");
    assert_outcomes (diagnosis, expected);
    g_assert_cmpint (sa_license_diagnosis_get_link (diagnosis), ==, SA_LICENSE_LINK_SUPPORT_CASE);
  }

  /* Cisco: shipped, nothing found, and one of the user's Customer accounts is
   * Pending: named, with the assignment to confirm in CCW. */
  {
    g_autoptr(SaOrder) order = cisco_order ("Shipped");
    g_autoptr(GListModel) licenses = no_licenses ();
    g_autoptr(GListModel) accounts = my_accounts ("acme-industrie.fr", "Acme Industrie",
                                                  SA_ACCOUNT_TYPE_CUSTOMER, SA_ACCOUNT_STATUS_ACTIVE,
                                                  "trattoria-mario.example", "Trattoria Da Mario",
                                                  SA_ACCOUNT_TYPE_CUSTOMER, SA_ACCOUNT_STATUS_PENDING,
                                                  NULL);
    g_autoptr(SaLicenseDiagnosis) diagnosis = sa_license_diagnosis_new ("104857601", order, licenses, accounts);
    const SaLicenseCheckOutcome expected[] = { P, P, F, F, U, U };

    g_assert_cmpint (sa_license_diagnosis_get_verdict (diagnosis), ==, SA_LICENSE_VERDICT_ACCOUNT_PENDING);
    g_assert_false (sa_license_diagnosis_get_assignment_known (diagnosis));
    g_assert_cmpstr (sa_license_diagnosis_get_account_name (diagnosis), ==, "Trattoria Da Mario");
    g_assert_cmpstr (sa_license_diagnosis_get_account_domain (diagnosis), ==, "trattoria-mario.example");
    assert_outcomes (diagnosis, expected);
    g_assert_cmpint (sa_license_diagnosis_get_link (diagnosis), ==, SA_LICENSE_LINK_CCW_ORDER);
  }
}

static void
test_export_hold (void)
{
  g_autoptr(SaOrder) order = desk_order ("SHIPPED", TRUE, EC_ACTIVE, "null");
  g_autoptr(SaLicenseDiagnosis) diagnosis = sa_license_diagnosis_new ("104857601", order, NULL, NULL);
  const SaLicenseCheckOutcome expected[] = { P, P, U, P, F, P };

  g_assert_cmpint (sa_license_diagnosis_get_verdict (diagnosis), ==, SA_LICENSE_VERDICT_EXPORT_HOLD);
  g_assert_cmpstr (sa_license_diagnosis_get_account_name (diagnosis), ==, "Acme Industrie");
  assert_outcomes (diagnosis, expected);
  g_assert_cmpint (sa_license_diagnosis_get_link (diagnosis), ==, SA_LICENSE_LINK_CCW_ORDER);
}

static void
test_holding_only (void)
{
  /* Desk: shipped, on a Holding Smart Account only. */
  {
    g_autoptr(SaOrder) order = desk_order ("SHIPPED", FALSE, "null", HOLDING);
    g_autoptr(GListModel) licenses = no_licenses ();
    g_autoptr(SaLicenseDiagnosis) diagnosis = sa_license_diagnosis_new ("104857601", order, licenses, NULL);
    const SaLicenseCheckOutcome expected[] = { P, P, F, S, P, F };

    g_assert_cmpint (sa_license_diagnosis_get_verdict (diagnosis), ==, SA_LICENSE_VERDICT_HOLDING_ONLY);
    g_assert_cmpstr (sa_license_diagnosis_get_account_name (diagnosis), ==, "Northwind Holding");
    g_assert_cmpstr (sa_license_diagnosis_get_account_domain (diagnosis), ==, "northwind-holding.example");
    assert_outcomes (diagnosis, expected);
    g_assert_cmpint (sa_license_diagnosis_get_link (diagnosis), ==, SA_LICENSE_LINK_SUPPORT_CASE);
  }

  /* Export hold comes first in the seeds' order. */
  {
    g_autoptr(SaOrder) order = desk_order ("SHIPPED", TRUE, "null", HOLDING);
    g_autoptr(SaLicenseDiagnosis) diagnosis = sa_license_diagnosis_new ("104857601", order, NULL, NULL);

    g_assert_cmpint (sa_license_diagnosis_get_verdict (diagnosis), ==, SA_LICENSE_VERDICT_EXPORT_HOLD);
  }

  /* Cisco: shipped, nothing found in the user's accounts, no Pending one:
   * the API cannot tell whether the order sits on a Holding account (nor
   * about an export hold); the user's Holding account is named. */
  {
    g_autoptr(SaOrder) order = cisco_order ("Shipped");
    g_autoptr(GListModel) licenses = no_licenses ();
    g_autoptr(GListModel) accounts = my_accounts ("acme-industrie.fr", "Acme Industrie",
                                                  SA_ACCOUNT_TYPE_CUSTOMER, SA_ACCOUNT_STATUS_ACTIVE,
                                                  "northwind-holding.example", "Northwind Holding",
                                                  SA_ACCOUNT_TYPE_HOLDING, SA_ACCOUNT_STATUS_ACTIVE,
                                                  NULL);
    g_autoptr(SaLicenseDiagnosis) diagnosis = sa_license_diagnosis_new ("104857601", order, licenses, accounts);
    const SaLicenseCheckOutcome expected[] = { P, P, F, U, U, U };

    g_assert_cmpint (sa_license_diagnosis_get_verdict (diagnosis), ==, SA_LICENSE_VERDICT_CANNOT_TELL);
    g_assert_cmpstr (sa_license_diagnosis_get_account_name (diagnosis), ==, "Northwind Holding");
    assert_outcomes (diagnosis, expected);
    g_assert_cmpint (sa_license_diagnosis_get_link (diagnosis), ==, SA_LICENSE_LINK_CCW_ORDER);
  }
}

static void
test_not_assigned (void)
{
  g_autoptr(SaOrder) order = desk_order ("SHIPPED", FALSE, "null", "null");
  g_autoptr(SaLicenseDiagnosis) diagnosis = sa_license_diagnosis_new ("104857601", order, NULL, NULL);

  g_assert_cmpint (sa_license_diagnosis_get_verdict (diagnosis), ==, SA_LICENSE_VERDICT_NOT_ASSIGNED);
  g_assert_null (sa_license_diagnosis_get_account_name (diagnosis));
  g_assert_cmpint (sa_license_diagnosis_get_link (diagnosis), ==, SA_LICENSE_LINK_SUPPORT_CASE);
}

static void
test_in_account_or_not_visible (void)
{
  g_autoptr(SaOrder) order = desk_order ("SHIPPED", FALSE, EC_ACTIVE, HOLDING);

  /* The back end cannot list licenses: they should be in the account. */
  {
    g_autoptr(SaLicenseDiagnosis) diagnosis = sa_license_diagnosis_new ("104857601", order, NULL, NULL);
    const SaLicenseCheckOutcome expected[] = { P, P, U, P, P, P };

    g_assert_cmpint (sa_license_diagnosis_get_verdict (diagnosis), ==, SA_LICENSE_VERDICT_IN_ACCOUNT);
    g_assert_cmpstr (sa_license_diagnosis_get_account_name (diagnosis), ==, "Acme Industrie");
    g_assert_cmpstr (sa_license_diagnosis_get_virtual_account (diagnosis), ==, "DEFAULT");
    assert_outcomes (diagnosis, expected);
    g_assert_cmpint (sa_license_diagnosis_get_link (diagnosis), ==, SA_LICENSE_LINK_SOFTWARE_CENTRAL);
  }

  /* Listed, and none there: a case for licensing support. */
  {
    g_autoptr(GListModel) licenses = no_licenses ();
    g_autoptr(SaLicenseDiagnosis) diagnosis = sa_license_diagnosis_new ("104857601", order, licenses, NULL);

    g_assert_cmpint (sa_license_diagnosis_get_verdict (diagnosis), ==, SA_LICENSE_VERDICT_NOT_VISIBLE);
    g_assert_cmpint (sa_license_diagnosis_get_link (diagnosis), ==, SA_LICENSE_LINK_SUPPORT_CASE);
  }
}

static void
test_cannot_tell_without_accounts (void)
{
  g_autoptr(SaOrder) order = cisco_order ("Shipped");
  g_autoptr(GListModel) licenses = no_licenses ();
  g_autoptr(SaLicenseDiagnosis) diagnosis = sa_license_diagnosis_new ("104857601", order, licenses, NULL);

  g_assert_cmpint (sa_license_diagnosis_get_verdict (diagnosis), ==, SA_LICENSE_VERDICT_CANNOT_TELL);
  g_assert_null (sa_license_diagnosis_get_account_name (diagnosis));
  g_assert_cmpint (sa_license_diagnosis_get_quantity (diagnosis), ==, 0);
}

static void
test_links (void)
{
  g_assert_null (sa_license_link_get_uri (SA_LICENSE_LINK_NONE));
  g_assert_cmpstr (sa_license_link_get_uri (SA_LICENSE_LINK_SUPPORT_CASE), ==, "https://mycase.cloudapps.cisco.com/case");
  g_assert_cmpstr (sa_license_link_get_uri (SA_LICENSE_LINK_SOFTWARE_CENTRAL), ==, "https://software.cisco.com/");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/license-diagnosis/not-found", test_not_found);
  g_test_add_func ("/license-diagnosis/not-shipped", test_not_shipped);
  g_test_add_func ("/license-diagnosis/deposited", test_deposited);
  g_test_add_func ("/license-diagnosis/account-pending", test_account_pending);
  g_test_add_func ("/license-diagnosis/export-hold", test_export_hold);
  g_test_add_func ("/license-diagnosis/holding-only", test_holding_only);
  g_test_add_func ("/license-diagnosis/not-assigned", test_not_assigned);
  g_test_add_func ("/license-diagnosis/in-account-or-not-visible", test_in_account_or_not_visible);
  g_test_add_func ("/license-diagnosis/cannot-tell", test_cannot_tell_without_accounts);
  g_test_add_func ("/license-diagnosis/links", test_links);

  return g_test_run ();
}
