/* sa-cisco-diagnosis.c — "Test Connection": a fresh token, then the Smart
 * Accounts the registering user can reach, and the outcome in plain words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sa-cisco"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sa-cisco-accounts.h"
#include "sa-cisco-diagnosis.h"
#include "sa-cisco-error.h"

typedef struct
{
  SaCiscoDiagnosis  diagnosis;
  char             *title;
  char             *message;
} Outcome;

static void
outcome_free (gpointer data)
{
  Outcome *outcome = data;

  g_free (outcome->title);
  g_free (outcome->message);
  g_free (outcome);
}

static SaCiscoDiagnosis
diagnosis_for (const GError *error)
{
  if (error->domain != SA_CISCO_ERROR)
    return SA_CISCO_DIAGNOSIS_FAILED;

  switch (error->code)
    {
    case SA_CISCO_ERROR_INVALID_CLIENT:
      return SA_CISCO_DIAGNOSIS_INVALID_CLIENT;
    case SA_CISCO_ERROR_ACCESS_NOT_APPROVED:
      return SA_CISCO_DIAGNOSIS_ACCESS_NOT_APPROVED;
    case SA_CISCO_ERROR_RATE_LIMITED:
      return SA_CISCO_DIAGNOSIS_RATE_LIMITED;
    case SA_CISCO_ERROR_NO_NETWORK:
    case SA_CISCO_ERROR_TIMEOUT:
      return SA_CISCO_DIAGNOSIS_NO_NETWORK;
    case SA_CISCO_ERROR_TLS:
      return SA_CISCO_DIAGNOSIS_TLS;
    case SA_CISCO_ERROR_NOT_JSON:
      return SA_CISCO_DIAGNOSIS_NOT_JSON;
    case SA_CISCO_ERROR_NO_CREDENTIALS:
      return SA_CISCO_DIAGNOSIS_NO_CREDENTIALS;
    default:
      return SA_CISCO_DIAGNOSIS_FAILED;
    }
}

static const char *
title_for (SaCiscoDiagnosis diagnosis)
{
  switch (diagnosis)
    {
    case SA_CISCO_DIAGNOSIS_CONNECTED:
      return _("Connected to Cisco");
    case SA_CISCO_DIAGNOSIS_NO_SMART_ACCOUNT:
      return _("No Smart Account Visible");
    case SA_CISCO_DIAGNOSIS_INVALID_CLIENT:
      return _("Client ID or Client Secret Not Accepted");
    case SA_CISCO_DIAGNOSIS_ACCESS_NOT_APPROVED:
      return _("API Access Not Approved Yet");
    case SA_CISCO_DIAGNOSIS_RATE_LIMITED:
      return _("Too Many Requests");
    case SA_CISCO_DIAGNOSIS_NO_NETWORK:
      return _("Cisco Cannot Be Reached");
    case SA_CISCO_DIAGNOSIS_TLS:
      return _("Secure Connection Failed");
    case SA_CISCO_DIAGNOSIS_NOT_JSON:
      return _("Web Page Instead of API Data");
    case SA_CISCO_DIAGNOSIS_NO_CREDENTIALS:
      return _("Client ID and Client Secret Missing");
    case SA_CISCO_DIAGNOSIS_FAILED:
    default:
      return _("Connection Test Failed");
    }
}

static void
return_outcome (GTask            *task,
                SaCiscoDiagnosis  diagnosis,
                char             *message)
{
  Outcome *outcome = g_new0 (Outcome, 1);

  outcome->diagnosis = diagnosis;
  outcome->title = g_strdup (title_for (diagnosis));
  outcome->message = message;
  g_task_return_pointer (task, outcome, outcome_free);
}

/* Completes @task with @error: cancellation as an error, anything else as the
 * diagnosis it means. */
static void
return_failure (GTask  *task,
                GError *error)
{
  SaCiscoDiagnosis diagnosis;
  char *message;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, error);
      return;
    }

  diagnosis = diagnosis_for (error);
  message = g_strdup (error->message);
  g_debug ("Test Connection: diagnosis %d (%s)", diagnosis, error->message);
  g_error_free (error);
  return_outcome (task, diagnosis, message);
}

static void
on_accounts_listed (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GListModel) accounts = NULL;
  GError *error = NULL;
  guint n;

  accounts = sa_cisco_api_list_account_access_finish (SA_CISCO_API (object), result, &error);
  if (accounts == NULL)
    {
      return_failure (task, error);
      return;
    }

  n = g_list_model_get_n_items (accounts);
  if (n == 0)
    {
      return_outcome (task, SA_CISCO_DIAGNOSIS_NO_SMART_ACCOUNT,
                      g_strdup (_("Cisco accepted your API application, but the Cisco.com user who "
                                  "registered it has no role on any Smart Account, so there is nothing to "
                                  "read. Ask the administrator of your Smart Account to give that user a role "
                                  "(Smart Account User is enough), then test again.")));
      return;
    }

  return_outcome (task, SA_CISCO_DIAGNOSIS_CONNECTED,
                  g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "The token works and %u Smart Account is visible to your API application.",
                                                "The token works and %u Smart Accounts are visible to your API application.",
                                                n),
                                   n));
}

static void
on_token (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GCancellable *cancellable = g_task_get_cancellable (task);
  GError *error = NULL;

  if (!sa_cisco_api_request_token_finish (SA_CISCO_API (object), result, &error))
    {
      return_failure (task, error);
      return;
    }

  sa_cisco_api_list_account_access_async (SA_CISCO_API (object), NULL, cancellable,
                                          on_accounts_listed, g_steal_pointer (&task));
}

/**
 * sa_cisco_diagnose_async:
 * @api: an #SaCiscoApi with the addresses and credentials to test
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * "Test Connection" in Preferences (issue 9, "Connection and credentials"):
 * requests a new token now (sa_cisco_api_request_token_async()), then lists
 * the Smart Accounts the registering Cisco.com user can reach (`GET
 * /v2/accounts`), so that a refused Client ID or Secret, an application whose
 * API access is not approved, and a user without any role are told apart.
 * Every outcome but cancellation is a diagnosis, not an error.
 */
void
sa_cisco_diagnose_async (SaCiscoApi          *api,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SA_IS_CISCO_API (api));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (api, cancellable, callback, user_data);
  g_task_set_source_tag (task, sa_cisco_diagnose_async);
  sa_cisco_api_request_token_async (api, cancellable, on_token, g_steal_pointer (&task));
}

/**
 * sa_cisco_diagnose_finish:
 * @api: the #SaCiscoApi given to sa_cisco_diagnose_async()
 * @result: the #GAsyncResult
 * @title: (out) (optional) (transfer full): the outcome in a few translated
 *   words, for a heading ("API Access Not Approved Yet")
 * @message: (out) (optional) (transfer full): what happened and the next
 *   action, translated (for errors, the sentence of sa_cisco_error_dup_message())
 * @error: return location for a #GError, or %NULL
 *
 * Returns: the #SaCiscoDiagnosis; %SA_CISCO_DIAGNOSIS_FAILED with
 *   %G_IO_ERROR_CANCELLED in @error (and no @title or @message) when cancelled
 */
SaCiscoDiagnosis
sa_cisco_diagnose_finish (SaCiscoApi    *api,
                          GAsyncResult  *result,
                          char         **title,
                          char         **message,
                          GError       **error)
{
  Outcome *outcome;
  SaCiscoDiagnosis diagnosis;

  g_return_val_if_fail (g_task_is_valid (result, api), SA_CISCO_DIAGNOSIS_FAILED);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sa_cisco_diagnose_async,
                        SA_CISCO_DIAGNOSIS_FAILED);

  if (title != NULL)
    *title = NULL;
  if (message != NULL)
    *message = NULL;

  outcome = g_task_propagate_pointer (G_TASK (result), error);
  if (outcome == NULL)
    return SA_CISCO_DIAGNOSIS_FAILED;

  diagnosis = outcome->diagnosis;
  if (title != NULL)
    *title = g_steal_pointer (&outcome->title);
  if (message != NULL)
    *message = g_steal_pointer (&outcome->message);
  outcome_free (outcome);

  return diagnosis;
}
