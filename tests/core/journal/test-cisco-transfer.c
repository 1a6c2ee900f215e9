/* test-cisco-transfer.c — sa_client_transfer_licenses_async() with the Cisco
 * back end (src/core/cisco/sa-cisco-client-transfer.c) against the Cisco
 * double: the request Cisco documents, Cisco's "ERROR" quoted, a missing
 * role named (in three languages), arguments checked before anything is
 * sent, NOT_SUPPORTED from a back end without the transfer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cisco-mimic.h"
#include "cisco-test-util.h"
#include "core-test-backend.h"
#include "journal-test-util.h"

#define TRANSFER_PREFIX MIMIC_SAL_PATH "/v1/accounts/acme-industrie.fr/virtual-accounts/"

typedef struct
{
  CiscoMimic *mimic;
  SaClient   *client;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(SaCiscoApi) api = NULL;
  fixture->mimic = cisco_mimic_new (NULL);
  api = cisco_mimic_new_api (fixture->mimic);
  fixture->client = sa_cisco_client_new (api);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->client);
  cisco_mimic_free (fixture->mimic);
}

static gboolean
transfer (SaClient    *client,
          const char  *source,
          const char  *target,
          const char  *license,
          const char  *type,
          gint64       quantity,
          GError     **error)
{
  SaLicenseTransfer line = { (char *) license, (char *) type, quantity };
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  sa_client_transfer_licenses_async (client, "acme-industrie.fr", source, target, &line, 1, NULL,
                                     core_test_on_ready, &slot);
  result = journal_test_wait (&slot);
  return sa_client_transfer_licenses_finish (client, result, error);
}

static void
test_accepted (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  g_autofree char *path = NULL;

  g_assert_true (transfer (fixture->client, "DEFAULT", "東京支社", "DNA Advantage For SDWAN", "TERM", 100, &error));
  g_assert_no_error (error);

  path = cisco_mimic_last_path (fixture->mimic, TRANSFER_PREFIX);
  g_assert_cmpstr (path, ==, TRANSFER_PREFIX "DEFAULT/licenses/transfer");
  body = cisco_mimic_last_body (fixture->mimic, TRANSFER_PREFIX);
  g_assert_nonnull (strstr (body, "\"license\":\"DNA Advantage For SDWAN\""));
  g_assert_nonnull (strstr (body, "\"licenseType\":\"TERM\""));
  g_assert_nonnull (strstr (body, "\"quantity\":100"));
  g_assert_nonnull (strstr (body, "\"targetVirtualAccount\":\"東京支社\""));
  g_assert_nonnull (strstr (body, "\"precedence\":\"LONGEST_TERM_FIRST\""));
}

static void
test_cisco_error (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* More than DEFAULT holds: Cisco answers "status": "ERROR". */
  g_assert_false (transfer (fixture->client, "DEFAULT", "東京支社", "DNA Advantage For SDWAN", "TERM", 500, &error));
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "Insufficient licenses available in the source virtual account"));
}

static void
test_role_missing (Fixture       *fixture,
                   gconstpointer  data)
{
  static const struct {
    const char *language;
    const char *start;
  } expected[] = {
    { "en", "Cisco refused the transfer: moving licenses between Virtual Accounts needs" },
    { "fr", "Cisco a refusé le transfert : déplacer des licences entre comptes virtuels demande" },
    { "it", "Cisco ha rifiutato il trasferimento: spostare licenze tra account virtuali richiede" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(GError) error = NULL;

      core_test_set_language (expected[i].language);
      cisco_mimic_add_fault (fixture->mimic, TRANSFER_PREFIX, 1, 403, "application/json",
                             "{\"status\":\"ERROR\",\"statusMessage\":\"User is not authorized\"}", NULL);
      g_assert_false (transfer (fixture->client, "DEFAULT", "東京支社", "DNA Advantage For SDWAN", "TERM", 1, &error));
      g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_NOT_AUTHORIZED);
      g_assert_true (g_str_has_prefix (error->message, expected[i].start));
    }
  core_test_set_language ("en");
}

static void
test_checked_first (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(CoreTestBackend) desk_like = core_test_backend_new ("http://127.0.0.1:1");
  g_autoptr(GError) error = NULL;

  /* The same Virtual Account twice, a quantity of 0: nothing is sent. */
  g_assert_false (transfer (fixture->client, "DEFAULT", "DEFAULT", "DNA Advantage For SDWAN", "TERM", 1, &error));
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_false (transfer (fixture->client, "DEFAULT", "東京支社", "DNA Advantage For SDWAN", "TERM", 0, &error));
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_cmpuint (cisco_mimic_count (fixture->mimic, TRANSFER_PREFIX), ==, 0);

  /* A back end without the transfer. */
  g_assert_false (sa_client_get_features (SA_CLIENT (desk_like)) & SA_CLIENT_FEATURE_LICENSE_TRANSFER);
  g_assert_false (transfer (SA_CLIENT (desk_like), "DEFAULT", "東京支社", "DNA", "TERM", 1, &error));
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_NOT_SUPPORTED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  core_test_init_l10n ("en");

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/cisco-transfer/accepted", test_accepted);
  ADD ("/cisco-transfer/cisco-error", test_cisco_error);
  ADD ("/cisco-transfer/role-missing", test_role_missing);
  ADD ("/cisco-transfer/checked-first", test_checked_first);

  return g_test_run ();
}
