/* test-cisco-double.c — what the sandbox never answers, against the test
 * double: the other field spelling of search rows, an orderNumber as a JSON
 * number, the other bodies of a 403 "Invalid Client", an HTML page without a
 * Content-Type, refusals of any status, 5xx retried and bounded (never for
 * the transfer), a truncated body, and a TLS certificate nobody trusts
 *
 * Everything the sandbox can answer is tested against it (test-cisco-api.c,
 * test-cisco-reads.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>

#include "cisco-mimic.h"
#include "cisco-test-util.h"

#ifdef __SANITIZE_ADDRESS__
/* This program loads GIO's TLS module (GnuTLS), whose thread-local storage
 * makes LeakSanitizer's tracer crash at exit with GCC 12 ("Tracer caught
 * signal 11"). Its leaks are not checked at exit (memory errors still are);
 * the same client and sandbox code is leak-checked in the other programs.
 * LeakSanitizer calls this hook (sanitizer/lsan_interface.h). */
int __lsan_is_turned_off (void);

int
__lsan_is_turned_off (void)
{
  return 1;
}
#endif

static CiscoMimic *mimic;

static GListModel *
read_accounts (SaCiscoApi  *api,
               GError     **error)
{
  return cisco_test_account_access (api, NULL, error);
}

static double
seconds_between (GArray *times,
                 guint   first,
                 guint   second)
{
  return (double) (g_array_index (times, gint64, second) - g_array_index (times, gint64, first)) / G_USEC_PER_SEC;
}

static void
set_up (void)
{
  cisco_mimic_reset_log (mimic);
  cisco_mimic_set_expires_in (mimic, 3599);
  cisco_mimic_set_delay (mimic, 0);
}

/* ------------------------------------------------------------------------ */
/* Shapes */

static void
test_search_other_spelling (void)
{
  g_autoptr(SaCiscoApi) api = cisco_mimic_new_api (mimic);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) accounts = NULL;
  SaSmartAccount *acme;

  /* accountDomain/accountName/accountType/accountStatus, as Cisco.Api models
   * the rows (CISCO-APIS.md §1.2). */
  set_up ();
  cisco_mimic_set_alternate_spellings (mimic, TRUE);
  accounts = cisco_test_search (api, SA_ACCOUNT_SEARCH_DOMAIN, "acme", SA_CISCO_TYPE_FILTER_ANY,
                                NULL, &error);
  cisco_mimic_set_alternate_spellings (mimic, FALSE);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (accounts), ==, 3);

  acme = sa_cisco_find_account_by_domain (accounts, "ACME-industrie.fr");
  g_assert_nonnull (acme);
  g_assert_cmpstr (sa_smart_account_get_domain (acme), ==, "acme-industrie.fr");
  g_assert_cmpstr (sa_smart_account_get_name (acme), ==, "Acme Industrie");
  g_assert_cmpstr (sa_smart_account_get_id (acme), ==, "120152");
  g_assert_cmpint (sa_smart_account_get_account_type (acme), ==, SA_ACCOUNT_TYPE_CUSTOMER);
  g_assert_cmpint (sa_smart_account_get_status (acme), ==, SA_ACCOUNT_STATUS_ACTIVE);
  g_assert_cmpstr (sa_cisco_smart_account_get_status_text (acme), ==, "Active");
  g_assert_null (sa_smart_account_get_email (acme));
}

static void
test_numeric_order_number (void)
{
  g_autoptr(SaCiscoApi) api = cisco_mimic_new_api (mimic);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) licenses = NULL;
  g_autoptr(SaLicense) catalyst = NULL;
  g_autoptr(SaLicenseDetail) detail = NULL;

  /* An order number sent as a JSON number, a null end date. */
  set_up ();
  licenses = cisco_test_licenses (api, "acme-industrie.fr", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (licenses), ==, 2);
  catalyst = g_list_model_get_item (licenses, 1);
  g_assert_cmpstr (sa_license_get_virtual_account (catalyst), ==, "東京支社");
  g_assert_true (sa_license_has_order (catalyst, " 104857999 "));
  detail = g_list_model_get_item (sa_license_get_details (catalyst), 0);
  g_assert_null (sa_license_detail_get_end_date (detail));
}

/* ------------------------------------------------------------------------ */
/* Gateway answers */

static void
expect_error (const char   *body,
              const char   *content_type,
              guint         status,
              SaCiscoError  code)
{
  g_autoptr(SaCiscoApi) api = cisco_mimic_new_api (mimic);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) accounts = NULL;

  set_up ();
  cisco_mimic_add_fault (mimic, MIMIC_SAL_PATH, 1, status, content_type, body, NULL);
  accounts = read_accounts (api, &error);
  g_assert_null (accounts);
  g_assert_error (error, SA_CISCO_ERROR, (gint) code);
  g_assert_cmpstr (error->message, !=, "");
  /* The token itself was fine. */
  g_assert_true (sa_cisco_api_get_has_token (api));
}

static void
test_access_not_approved (void)
{
  /* Before the API access is approved: tokens are issued, every call is 403
   * "Invalid Client" (its body text is unverified: several shapes; the
   * sandbox's, {"message": "Invalid Client"}, is in test-cisco-api.c). */
  expect_error ("{\"error\":\"invalid client\",\"error_description\":\"Invalid Client\"}",
                "application/json", 403, SA_CISCO_ERROR_ACCESS_NOT_APPROVED);
  expect_error ("Invalid Client", "text/plain", 403, SA_CISCO_ERROR_ACCESS_NOT_APPROVED);
}

static void
test_html_403 (void)
{
  /* The page of test-cisco-api.c without a Content-Type. */
  expect_error ("  <h1>Not Authorized</h1>", NULL, 403, SA_CISCO_ERROR_NOT_JSON);
}

static void
test_other_refusals (void)
{
  expect_error ("{\"status\":\"ERROR\",\"statusMessage\":\"User has no role\"}", "application/json",
                403, SA_CISCO_ERROR_DENIED);
  expect_error ("{\"status\":\"ERROR\",\"statusMessage\":\"Not found\"}", "application/json",
                404, SA_CISCO_ERROR_NOT_FOUND);
  expect_error ("{\"status\":\"ERROR\",\"statusMessage\":\"Bad limit\"}", "application/json",
                400, SA_CISCO_ERROR_REJECTED);
  expect_error ("{\"message\":\"conflict\"}", "application/json", 409, SA_CISCO_ERROR_FAILED);
  /* A 200 that is not JSON, or not an object. */
  expect_error ("<html><body>Maintenance</body></html>", "text/html", 200, SA_CISCO_ERROR_NOT_JSON);
  expect_error ("not JSON at all", "text/plain", 200, SA_CISCO_ERROR_NOT_JSON);
  expect_error ("[1, 2]", "application/json", 200, SA_CISCO_ERROR_BAD_REPLY);
  expect_error ("{\"status\":\"ERROR\",\"statusMessage\":\"Account is locked\"}", "application/json",
                200, SA_CISCO_ERROR_REJECTED);
}

/* ------------------------------------------------------------------------ */
/* 5xx */

static void
test_5xx_bounded (void)
{
  g_autoptr(SaCiscoApi) api = cisco_mimic_new_api (mimic);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) accounts = NULL;
  g_autoptr(GArray) times = NULL;

  set_up ();
  g_assert_true (cisco_test_request_token (api, &error));

  /* Two failures, then the answer: back-off of 20 ms, then 40 ms. */
  cisco_mimic_add_fault (mimic, MIMIC_SAL_PATH, 1, 502, "text/html", "<h1>Bad Gateway</h1>", NULL);
  cisco_mimic_add_fault (mimic, MIMIC_SAL_PATH, 1, 504, "text/html", "<h1>Gateway Timeout</h1>", NULL);
  accounts = read_accounts (api, &error);
  g_assert_no_error (error);
  g_assert_nonnull (accounts);
  times = cisco_mimic_times (mimic, MIMIC_SAL_PATH);
  g_assert_cmpuint (times->len, ==, 3);
  g_assert_cmpfloat (seconds_between (times, 0, 1), >=, 0.019);
  g_assert_cmpfloat (seconds_between (times, 1, 2), >=, 0.039);

  /* Always 503: 1 + 3 retries, then a server error. */
  cisco_mimic_reset_log (mimic);
  g_clear_object (&accounts);
  cisco_mimic_add_fault (mimic, MIMIC_SAL_PATH, 10, 503, "application/json", "{}", NULL);
  accounts = read_accounts (api, &error);
  g_assert_null (accounts);
  g_assert_error (error, SA_CISCO_ERROR, SA_CISCO_ERROR_SERVER_ERROR);
  g_assert_cmpuint (cisco_mimic_count (mimic, MIMIC_SAL_PATH), ==, 4);
  g_clear_error (&error);

  /* 500 is not retried. */
  cisco_mimic_reset_log (mimic);
  g_clear_object (&accounts);
  cisco_mimic_add_fault (mimic, MIMIC_SAL_PATH, 1, 500, "application/json", "{}", NULL);
  accounts = read_accounts (api, &error);
  g_assert_error (error, SA_CISCO_ERROR, SA_CISCO_ERROR_SERVER_ERROR);
  g_assert_cmpuint (cisco_mimic_count (mimic, MIMIC_SAL_PATH), ==, 1);
}

static void
test_5xx_write_not_retried (void)
{
  g_autoptr(SaCiscoApi) api = cisco_mimic_new_api (mimic);
  g_autoptr(GError) error = NULL;
  const SaCiscoLicenseTransfer transfer = {
    "DNA Advantage For SDWAN", "TERM", 10, "東京支社",
  };

  set_up ();
  cisco_mimic_add_fault (mimic, MIMIC_SAL_PATH "/v1/accounts/acme-industrie.fr/virtual-accounts/", 5,
                         503, "application/json", "{}", NULL);
  g_assert_false (cisco_test_transfer (api, "acme-industrie.fr", "DEFAULT", &transfer, 1, &error));
  g_assert_error (error, SA_CISCO_ERROR, SA_CISCO_ERROR_SERVER_ERROR);
  g_assert_cmpuint (cisco_mimic_count (mimic, MIMIC_SAL_PATH), ==, 1);
}

/* ------------------------------------------------------------------------ */
/* Bodies, TLS */

static void
test_truncated_body (void)
{
  g_autoptr(SaCiscoApi) api = cisco_mimic_new_api (mimic);
  g_autoptr(GError) error = NULL;
  g_autoptr(SaCiscoOrderStatus) order = NULL;

  /* A truncated body: never a crash. */
  set_up ();
  cisco_mimic_add_fault (mimic, MIMIC_ORDER_PATH, 1, 200, "application/json",
                         "{\"ShowPurchaseOrder\":{\"value\":{\"DataArea\":{\"PurchaseOrder\":[{\"Purchase", NULL);
  order = cisco_test_order (api, SA_ORDER_SEARCH_SALES_ORDER_NUMBER, "104857601", &error);
  g_assert_null (order);
  g_assert_error (error, SA_CISCO_ERROR, SA_CISCO_ERROR_NOT_JSON);
}

static void
test_tls (void)
{
  g_autofree char *dir = g_dir_make_tmp ("sa-cisco-tls-XXXXXX", NULL);
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(GError) error = NULL;
  CiscoMimic *secure;

  if (!g_tls_backend_supports_tls (g_tls_backend_get_default ()))
    {
      g_test_skip ("No TLS backend (glib-networking)");
      return;
    }

  certificate = cisco_test_make_certificate (dir);
  if (certificate == NULL)
    {
      g_test_skip ("openssl could not make a test certificate");
      return;
    }

  secure = cisco_mimic_new (certificate);
  {
    g_autofree char *identity = cisco_mimic_uri (secure, MIMIC_TOKEN_PATH);
    g_autoptr(SaCiscoApi) api = NULL;

    g_assert_true (g_str_has_prefix (identity, "https://127.0.0.1:"));
    api = sa_cisco_api_new (identity, "https://127.0.0.1/x", "https://127.0.0.1/y");
    sa_cisco_api_set_credentials (api, MIMIC_CLIENT_ID, MIMIC_CLIENT_SECRET);

    /* A certificate nobody trusts: refused, nothing sent. */
    g_assert_false (cisco_test_request_token (api, &error));
    g_assert_error (error, SA_CISCO_ERROR, SA_CISCO_ERROR_TLS);
    g_assert_cmpuint (cisco_mimic_count (secure, "/"), ==, 0);
  }
  cisco_mimic_free (secure);

  {
    g_autofree char *key = g_build_filename (dir, "key.pem", NULL);
    g_autofree char *cert = g_build_filename (dir, "cert.pem", NULL);

    g_unlink (key);
    g_unlink (cert);
    g_rmdir (dir);
  }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  core_test_init_l10n (NULL);
  g_test_init (&argc, &argv, NULL);

  mimic = cisco_mimic_new (NULL);

  g_test_add_func ("/cisco/double/search/other-spelling", test_search_other_spelling);
  g_test_add_func ("/cisco/double/licenses/numeric-order-number", test_numeric_order_number);
  g_test_add_func ("/cisco/double/access-not-approved", test_access_not_approved);
  g_test_add_func ("/cisco/double/html-403", test_html_403);
  g_test_add_func ("/cisco/double/other-refusals", test_other_refusals);
  g_test_add_func ("/cisco/double/5xx/bounded", test_5xx_bounded);
  g_test_add_func ("/cisco/double/5xx/write-not-retried", test_5xx_write_not_retried);
  g_test_add_func ("/cisco/double/truncated-body", test_truncated_body);
  g_test_add_func ("/cisco/double/tls", test_tls);

  status = g_test_run ();
  cisco_mimic_free (mimic);
  return status;
}
