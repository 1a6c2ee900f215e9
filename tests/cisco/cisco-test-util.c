/* cisco-test-util.c — the Cisco layer's async calls in tests, waited for
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cisco-test-util.h"

/**
 * cisco_test_request_token:
 *
 * sa_cisco_api_request_token_async(), waited for.
 */
gboolean
cisco_test_request_token (SaCiscoApi  *api,
                          GError     **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  sa_cisco_api_request_token_async (api, NULL, core_test_on_ready, &slot);
  result = core_test_wait (&slot);
  return sa_cisco_api_request_token_finish (api, result, error);
}

/**
 * cisco_test_search:
 *
 * sa_cisco_api_search_accounts_async() (limit 50, offset 0), waited for.
 */
GListModel *
cisco_test_search (SaCiscoApi           *api,
                   SaAccountSearchField  field,
                   const char           *text,
                   SaCiscoTypeFilter     type,
                   guint                *total,
                   GError              **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  sa_cisco_api_search_accounts_async (api, field, text, type, 0, 0, NULL,
                                      core_test_on_ready, &slot);
  result = core_test_wait (&slot);
  return sa_cisco_api_search_accounts_finish (api, result, total, error);
}

/**
 * cisco_test_account_access:
 *
 * sa_cisco_api_list_account_access_async(), waited for.
 */
GListModel *
cisco_test_account_access (SaCiscoApi  *api,
                           const char  *domain,
                           GError     **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  sa_cisco_api_list_account_access_async (api, domain, NULL, core_test_on_ready, &slot);
  result = core_test_wait (&slot);
  return sa_cisco_api_list_account_access_finish (api, result, error);
}

/**
 * cisco_test_virtual_accounts:
 *
 * sa_cisco_api_list_virtual_accounts_async(), waited for.
 */
GListModel *
cisco_test_virtual_accounts (SaCiscoApi     *api,
                             const char     *domain,
                             SaAccountType   type,
                             GError        **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  sa_cisco_api_list_virtual_accounts_async (api, domain, type, NULL, core_test_on_ready, &slot);
  result = core_test_wait (&slot);
  return sa_cisco_api_list_virtual_accounts_finish (api, result, error);
}

/**
 * cisco_test_licenses:
 *
 * sa_cisco_api_list_licenses_async(), waited for.
 */
GListModel *
cisco_test_licenses (SaCiscoApi          *api,
                     const char          *domain,
                     const char * const  *virtual_accounts,
                     GError             **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  sa_cisco_api_list_licenses_async (api, domain, virtual_accounts, NULL, core_test_on_ready, &slot);
  result = core_test_wait (&slot);
  return sa_cisco_api_list_licenses_finish (api, result, error);
}

/**
 * cisco_test_licenses_by_order:
 *
 * sa_cisco_api_find_licenses_by_order_async(), waited for.
 */
GListModel *
cisco_test_licenses_by_order (SaCiscoApi  *api,
                              const char  *domain,
                              const char  *order_number,
                              GError     **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  sa_cisco_api_find_licenses_by_order_async (api, domain, order_number, NULL,
                                             core_test_on_ready, &slot);
  result = core_test_wait (&slot);
  return sa_cisco_api_find_licenses_by_order_finish (api, result, error);
}

/**
 * cisco_test_transfer:
 *
 * sa_cisco_api_transfer_licenses_async(), waited for.
 */
gboolean
cisco_test_transfer (SaCiscoApi                   *api,
                     const char                   *domain,
                     const char                   *source,
                     const SaCiscoLicenseTransfer *transfers,
                     guint                         n_transfers,
                     GError                      **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  sa_cisco_api_transfer_licenses_async (api, domain, source, transfers, n_transfers, NULL,
                                        core_test_on_ready, &slot);
  result = core_test_wait (&slot);
  return sa_cisco_api_transfer_licenses_finish (api, result, error);
}

/**
 * cisco_test_order:
 *
 * sa_cisco_api_check_order_status_async(), waited for.
 */
SaCiscoOrderStatus *
cisco_test_order (SaCiscoApi          *api,
                  SaOrderSearchField   field,
                  const char          *number,
                  GError             **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  sa_cisco_api_check_order_status_async (api, field, number, NULL, core_test_on_ready, &slot);
  result = core_test_wait (&slot);
  return sa_cisco_api_check_order_status_finish (api, result, error);
}

/**
 * cisco_test_make_certificate:
 * @dir: an empty directory for the key and certificate files (key.pem,
 *   cert.pem)
 *
 * Makes a self-signed certificate for 127.0.0.1 with openssl, for a double
 * served over TLS that nobody trusts.
 *
 * Returns: (transfer full) (nullable): the certificate with its key, or %NULL
 *   when openssl could not make one
 */
GTlsCertificate *
cisco_test_make_certificate (const char *dir)
{
  g_autoptr(GSubprocess) openssl = NULL;
  g_autofree char *key = g_build_filename (dir, "key.pem", NULL);
  g_autofree char *cert = g_build_filename (dir, "cert.pem", NULL);

  openssl = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                              NULL,
                              "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                              "-keyout", key, "-out", cert, "-days", "2",
                              "-subj", "/CN=127.0.0.1",
                              "-addext", "subjectAltName=IP:127.0.0.1", NULL);
  if (openssl == NULL || !g_subprocess_wait_check (openssl, NULL, NULL))
    return NULL;

  return g_tls_certificate_new_from_files (cert, key, NULL);
}
