/* sa-client-requests.c — the boundary's calls for procedures 3 and 4: request
 * a Smart Account for a customer, request access to an existing one (with the
 * user's profile), follow both kinds of request
 *
 * Each public function checks its arguments and calls the back end's class
 * method; a back end without one answers SA_CLIENT_ERROR_NOT_SUPPORTED. The
 * details some errors carry travel on the GError (sa-error-private.h): the
 * finish functions hand out the candidates and the next reminder; the refused
 * fields are read from the error itself (sa-fields.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sa-client.h"
#include "sa-client-private.h"

/* ------------------------------------------------------------------------ */
/* Procedure 3: request a Smart Account for a customer */

/**
 * sa_client_create_account_request_async:
 * @self: an #SaClient
 * @account_name: the Account Name (the customer's company)
 * @customer_email: the Customer Email (who will accept the request)
 * @account_domain: the Account Domain
 * @note_to_customer: (nullable): the Note to Customer
 * @users: (nullable) (array zero-terminated=1): the User Emails to add
 * @note_to_users: (nullable): the Note to Added Users
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Sends a request for a customer's Smart Account: "Send Request", the last
 * step of "Request a Smart Account" after "Identify Account Name and
 * Customer", "Add Users to the Account" and "Review Request". Every field is
 * checked locally first (sa_validate_account_name(), sa_validate_email(),
 * sa_validate_domain(), sa_validate_note(), sa_validate_user_emails()); a
 * refused one fails with %SA_CLIENT_ERROR_INVALID_INPUT and is named on the
 * error (sa_client_error_dup_account_request_field()). The request creates a
 * Pending CUSTOMER Smart Account at once. Needs
 * %SA_CLIENT_FEATURE_ACCOUNT_REQUESTS.
 */
void
sa_client_create_account_request_async (SaClient            *self,
                                        const char          *account_name,
                                        const char          *customer_email,
                                        const char          *account_domain,
                                        const char          *note_to_customer,
                                        const char * const  *users,
                                        const char          *note_to_users,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  SaClientClass *klass;

  g_return_if_fail (SA_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  klass = SA_CLIENT_GET_CLASS (self);
  if (klass->create_account_request_async == NULL)
    {
      sa_client_return_not_supported (self, cancellable, callback, user_data);
      return;
    }

  klass->create_account_request_async (self, account_name, customer_email, account_domain,
                                       note_to_customer, users, note_to_users,
                                       cancellable, callback, user_data);
}

/**
 * sa_client_create_account_request_finish:
 * @self: an #SaClient
 * @result: the #GAsyncResult
 * @error: return location for a #GError, or %NULL
 *
 * Finishes Send Request (step 5 of "request a Smart Account for a
 * customer"). On %SA_CLIENT_ERROR_VALIDATION_FAILED and
 * %SA_CLIENT_ERROR_INVALID_INPUT, sa_client_error_dup_account_request_field()
 * on @error (sa-fields.h) says which fields were refused and why, whichever
 * back end refused them.
 *
 * Returns: (transfer full) (nullable): the request as the server stored it
 *   (Pending customer acceptance, with its Pending Smart Account); or %NULL
 *   with %SA_CLIENT_ERROR_INVALID_INPUT, %SA_CLIENT_ERROR_VALIDATION_FAILED,
 *   %SA_CLIENT_ERROR_DOMAIN_TAKEN (request access to the existing account
 *   instead), %SA_CLIENT_ERROR_INVALID_REQUEST,
 *   %SA_CLIENT_ERROR_UNAUTHENTICATED, %SA_CLIENT_ERROR_INSECURE_URI,
 *   %SA_CLIENT_ERROR_NETWORK, %SA_CLIENT_ERROR_TIMEOUT,
 *   %SA_CLIENT_ERROR_SERVER_ERROR, %SA_CLIENT_ERROR_INVALID_RESPONSE,
 *   %SA_CLIENT_ERROR_NOT_SUPPORTED (request it on Cisco Software Central) or
 *   %G_IO_ERROR_CANCELLED
 */
SaAccountRequest *
sa_client_create_account_request_finish (SaClient      *self,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  g_return_val_if_fail (SA_IS_CLIENT (self), NULL);
  g_return_val_if_fail (G_IS_ASYNC_RESULT (result), NULL);

  if (sa_client_is_not_supported (self, result))
    return g_task_propagate_pointer (G_TASK (result), error);

  return SA_CLIENT_GET_CLASS (self)->create_account_request_finish (self, result, error);
}

/**
 * sa_client_list_account_requests_async:
 * @self: an #SaClient
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Lists the user's Smart Account requests, newest first: the "Smart Account
 * requests" view, where the user follows each one until the customer accepts
 * it (or it expires after 90 days).
 */
void
sa_client_list_account_requests_async (SaClient            *self,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  SaClientClass *klass;

  g_return_if_fail (SA_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  klass = SA_CLIENT_GET_CLASS (self);
  if (klass->list_account_requests_async == NULL)
    {
      sa_client_return_not_supported (self, cancellable, callback, user_data);
      return;
    }

  klass->list_account_requests_async (self, cancellable, callback, user_data);
}

/**
 * sa_client_list_account_requests_finish:
 * @self: an #SaClient
 * @result: the #GAsyncResult
 * @error: return location for a #GError, or %NULL
 *
 * Returns: (transfer full) (nullable): a #GListModel of #SaAccountRequest,
 *   newest first, possibly empty; or %NULL with
 *   %SA_CLIENT_ERROR_UNAUTHENTICATED, %SA_CLIENT_ERROR_INSECURE_URI,
 *   %SA_CLIENT_ERROR_NETWORK, %SA_CLIENT_ERROR_TIMEOUT,
 *   %SA_CLIENT_ERROR_SERVER_ERROR, %SA_CLIENT_ERROR_INVALID_RESPONSE,
 *   %SA_CLIENT_ERROR_NOT_SUPPORTED or %G_IO_ERROR_CANCELLED
 */
GListModel *
sa_client_list_account_requests_finish (SaClient      *self,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  g_return_val_if_fail (SA_IS_CLIENT (self), NULL);
  g_return_val_if_fail (G_IS_ASYNC_RESULT (result), NULL);

  if (sa_client_is_not_supported (self, result))
    return g_task_propagate_pointer (G_TASK (result), error);

  return SA_CLIENT_GET_CLASS (self)->list_account_requests_finish (self, result, error);
}

/* ------------------------------------------------------------------------ */
/* Procedure 4: request access to an existing Smart Account */

/**
 * sa_client_get_profile_async:
 * @self: an #SaClient
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Fetches the signed-in user's profile: the user checks it before requesting
 * access to a Smart Account, and the header bar names them.
 */
void
sa_client_get_profile_async (SaClient            *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  SaClientClass *klass;

  g_return_if_fail (SA_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  klass = SA_CLIENT_GET_CLASS (self);
  if (klass->get_profile_async == NULL)
    {
      sa_client_return_not_supported (self, cancellable, callback, user_data);
      return;
    }

  klass->get_profile_async (self, cancellable, callback, user_data);
}

/**
 * sa_client_get_profile_finish:
 * @self: an #SaClient
 * @result: the #GAsyncResult
 * @error: return location for a #GError, or %NULL
 *
 * Returns: (transfer full) (nullable): the profile, or %NULL with
 *   %SA_CLIENT_ERROR_UNAUTHENTICATED, %SA_CLIENT_ERROR_NETWORK,
 *   %SA_CLIENT_ERROR_TIMEOUT, %SA_CLIENT_ERROR_SERVER_ERROR,
 *   %SA_CLIENT_ERROR_INVALID_RESPONSE, %SA_CLIENT_ERROR_NOT_SUPPORTED or
 *   %G_IO_ERROR_CANCELLED
 */
SaProfile *
sa_client_get_profile_finish (SaClient      *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (SA_IS_CLIENT (self), NULL);
  g_return_val_if_fail (G_IS_ASYNC_RESULT (result), NULL);

  if (sa_client_is_not_supported (self, result))
    return g_task_propagate_pointer (G_TASK (result), error);

  return SA_CLIENT_GET_CLASS (self)->get_profile_finish (self, result, error);
}

/**
 * sa_client_update_profile_async:
 * @self: an #SaClient
 * @profile: the profile as the user corrected it (its user name is not sent:
 *   it cannot change)
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Saves the user's profile: "Update your profile", the first step of
 * requesting access to an existing Smart Account. First name, last name,
 * company and country are required (sa_validate_profile_field()), the e-mail
 * must be valid (sa_validate_email()), the phone is optional
 * (sa_validate_phone()); a refused field fails with
 * %SA_CLIENT_ERROR_INVALID_INPUT and is named on the error
 * (sa_client_error_dup_profile_field()). Needs
 * %SA_CLIENT_FEATURE_ACCESS_REQUESTS.
 */
void
sa_client_update_profile_async (SaClient            *self,
                                SaProfile           *profile,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  SaClientClass *klass;

  g_return_if_fail (SA_IS_CLIENT (self));
  g_return_if_fail (SA_IS_PROFILE (profile));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  klass = SA_CLIENT_GET_CLASS (self);
  if (klass->update_profile_async == NULL)
    {
      sa_client_return_not_supported (self, cancellable, callback, user_data);
      return;
    }

  klass->update_profile_async (self, profile, cancellable, callback, user_data);
}

/**
 * sa_client_update_profile_finish:
 * @self: an #SaClient
 * @result: the #GAsyncResult
 * @error: return location for a #GError, or %NULL
 *
 * Finishes "Update your profile" (step 5 of requesting access to a Smart
 * Account). On %SA_CLIENT_ERROR_VALIDATION_FAILED and
 * %SA_CLIENT_ERROR_INVALID_INPUT, sa_client_error_dup_profile_field() on
 * @error (sa-fields.h) says which fields were refused.
 *
 * Returns: (transfer full) (nullable): the profile as saved; or %NULL with
 *   %SA_CLIENT_ERROR_INVALID_INPUT, %SA_CLIENT_ERROR_VALIDATION_FAILED,
 *   %SA_CLIENT_ERROR_INVALID_REQUEST, %SA_CLIENT_ERROR_UNAUTHENTICATED,
 *   %SA_CLIENT_ERROR_INSECURE_URI, %SA_CLIENT_ERROR_NETWORK,
 *   %SA_CLIENT_ERROR_TIMEOUT, %SA_CLIENT_ERROR_SERVER_ERROR,
 *   %SA_CLIENT_ERROR_INVALID_RESPONSE, %SA_CLIENT_ERROR_NOT_SUPPORTED or
 *   %G_IO_ERROR_CANCELLED
 */
SaProfile *
sa_client_update_profile_finish (SaClient      *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (SA_IS_CLIENT (self), NULL);
  g_return_val_if_fail (G_IS_ASYNC_RESULT (result), NULL);

  if (sa_client_is_not_supported (self, result))
    return g_task_propagate_pointer (G_TASK (result), error);

  return SA_CLIENT_GET_CLASS (self)->update_profile_finish (self, result, error);
}

/**
 * sa_client_find_access_candidates_async:
 * @self: an #SaClient
 * @domain: the Account Domain Identifier the user typed
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Finds the Smart Accounts whose domain is exactly @domain, including those the
 * user cannot see yet: the step of "Request Access to an Existing Smart
 * Account" where the user enters the Account Domain Identifier and, when
 * several accounts share it, picks one. @domain is checked with
 * sa_validate_domain() first.
 */
void
sa_client_find_access_candidates_async (SaClient            *self,
                                        const char          *domain,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  SaClientClass *klass;

  g_return_if_fail (SA_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  klass = SA_CLIENT_GET_CLASS (self);
  if (klass->find_access_candidates_async == NULL)
    {
      sa_client_return_not_supported (self, cancellable, callback, user_data);
      return;
    }

  klass->find_access_candidates_async (self, domain, cancellable, callback, user_data);
}

/**
 * sa_client_find_access_candidates_finish:
 * @self: an #SaClient
 * @result: the #GAsyncResult
 * @error: return location for a #GError, or %NULL
 *
 * Returns: (transfer full) (nullable): a #GListModel of #SaSmartAccount,
 *   possibly empty (no Smart Account has this domain); or %NULL with
 *   %SA_CLIENT_ERROR_INVALID_INPUT, %SA_CLIENT_ERROR_INVALID_REQUEST,
 *   %SA_CLIENT_ERROR_UNAUTHENTICATED, %SA_CLIENT_ERROR_INSECURE_URI,
 *   %SA_CLIENT_ERROR_NETWORK, %SA_CLIENT_ERROR_TIMEOUT,
 *   %SA_CLIENT_ERROR_SERVER_ERROR, %SA_CLIENT_ERROR_INVALID_RESPONSE,
 *   %SA_CLIENT_ERROR_NOT_SUPPORTED or %G_IO_ERROR_CANCELLED
 */
GListModel *
sa_client_find_access_candidates_finish (SaClient      *self,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  g_return_val_if_fail (SA_IS_CLIENT (self), NULL);
  g_return_val_if_fail (G_IS_ASYNC_RESULT (result), NULL);

  if (sa_client_is_not_supported (self, result))
    return g_task_propagate_pointer (G_TASK (result), error);

  return SA_CLIENT_GET_CLASS (self)->find_access_candidates_finish (self, result, error);
}

/**
 * sa_client_create_access_request_async:
 * @self: an #SaClient
 * @domain: the Account Domain Identifier
 * @account_id: (nullable): the id of the Smart Account chosen among several
 *   sharing @domain, or %NULL
 * @reason: the Reason for request
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Sends a request for access to an existing Smart Account: the last step of
 * "Request Access to an Existing Smart Account"; the account's administrators
 * then approve or deny it. @domain and @reason are checked locally first
 * (sa_validate_domain(), sa_validate_reason()). When several accounts share
 * @domain and @account_id is %NULL, the back end answers
 * %SA_CLIENT_ERROR_ACCOUNT_ID_REQUIRED and the finish function hands out the
 * candidates to choose from. Needs %SA_CLIENT_FEATURE_ACCESS_REQUESTS.
 */
void
sa_client_create_access_request_async (SaClient            *self,
                                       const char          *domain,
                                       const char          *account_id,
                                       const char          *reason,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  SaClientClass *klass;

  g_return_if_fail (SA_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  klass = SA_CLIENT_GET_CLASS (self);
  if (klass->create_access_request_async == NULL)
    {
      sa_client_return_not_supported (self, cancellable, callback, user_data);
      return;
    }

  klass->create_access_request_async (self, domain, account_id, reason,
                                      cancellable, callback, user_data);
}

/**
 * sa_client_create_access_request_finish:
 * @self: an #SaClient
 * @result: the #GAsyncResult
 * @candidates: (out) (optional) (nullable) (transfer full): on
 *   %SA_CLIENT_ERROR_ACCOUNT_ID_REQUIRED, a #GListModel of the
 *   #SaSmartAccount sharing the domain; otherwise %NULL
 * @error: return location for a #GError, or %NULL
 *
 * Returns: (transfer full) (nullable): the new access request (Pending); or
 *   %NULL with %SA_CLIENT_ERROR_INVALID_INPUT,
 *   %SA_CLIENT_ERROR_VALIDATION_FAILED, %SA_CLIENT_ERROR_ACCOUNT_ID_REQUIRED
 *   (choose among @candidates and send again with its id),
 *   %SA_CLIENT_ERROR_SMART_ACCOUNT_NOT_FOUND,
 *   %SA_CLIENT_ERROR_DUPLICATE_REQUEST (one is already pending),
 *   %SA_CLIENT_ERROR_INVALID_REQUEST, %SA_CLIENT_ERROR_UNAUTHENTICATED,
 *   %SA_CLIENT_ERROR_INSECURE_URI, %SA_CLIENT_ERROR_NETWORK,
 *   %SA_CLIENT_ERROR_TIMEOUT, %SA_CLIENT_ERROR_SERVER_ERROR,
 *   %SA_CLIENT_ERROR_INVALID_RESPONSE, %SA_CLIENT_ERROR_NOT_SUPPORTED or
 *   %G_IO_ERROR_CANCELLED
 */
SaAccessRequest *
sa_client_create_access_request_finish (SaClient      *self,
                                        GAsyncResult  *result,
                                        GListModel   **candidates,
                                        GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  SaAccessRequest *access_request;

  if (candidates != NULL)
    *candidates = NULL;

  g_return_val_if_fail (SA_IS_CLIENT (self), NULL);
  g_return_val_if_fail (G_IS_ASYNC_RESULT (result), NULL);

  if (sa_client_is_not_supported (self, result))
    return g_task_propagate_pointer (G_TASK (result), error);

  access_request = SA_CLIENT_GET_CLASS (self)->create_access_request_finish (self, result,
                                                                            &local_error);
  if (access_request == NULL)
    {
      GListModel *found = sa_client_error_get_candidates (local_error);

      if (candidates != NULL && found != NULL)
        *candidates = g_object_ref (found);
      g_propagate_error (error, g_steal_pointer (&local_error));
    }

  return access_request;
}

/**
 * sa_client_list_access_requests_async:
 * @self: an #SaClient
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Lists the user's access requests, newest first: "Your Access Requests",
 * where the user follows each until it is approved or denied and may send a
 * reminder.
 */
void
sa_client_list_access_requests_async (SaClient            *self,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  SaClientClass *klass;

  g_return_if_fail (SA_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  klass = SA_CLIENT_GET_CLASS (self);
  if (klass->list_access_requests_async == NULL)
    {
      sa_client_return_not_supported (self, cancellable, callback, user_data);
      return;
    }

  klass->list_access_requests_async (self, cancellable, callback, user_data);
}

/**
 * sa_client_list_access_requests_finish:
 * @self: an #SaClient
 * @result: the #GAsyncResult
 * @error: return location for a #GError, or %NULL
 *
 * Returns: (transfer full) (nullable): a #GListModel of #SaAccessRequest,
 *   newest first, possibly empty; or %NULL with
 *   %SA_CLIENT_ERROR_UNAUTHENTICATED, %SA_CLIENT_ERROR_INSECURE_URI,
 *   %SA_CLIENT_ERROR_NETWORK, %SA_CLIENT_ERROR_TIMEOUT,
 *   %SA_CLIENT_ERROR_SERVER_ERROR, %SA_CLIENT_ERROR_INVALID_RESPONSE,
 *   %SA_CLIENT_ERROR_NOT_SUPPORTED or %G_IO_ERROR_CANCELLED
 */
GListModel *
sa_client_list_access_requests_finish (SaClient      *self,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  g_return_val_if_fail (SA_IS_CLIENT (self), NULL);
  g_return_val_if_fail (G_IS_ASYNC_RESULT (result), NULL);

  if (sa_client_is_not_supported (self, result))
    return g_task_propagate_pointer (G_TASK (result), error);

  return SA_CLIENT_GET_CLASS (self)->list_access_requests_finish (self, result, error);
}

/**
 * sa_client_send_reminder_async:
 * @self: an #SaClient
 * @access_request_id: the access request's id ("XR-000001")
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * "Send a reminder" to the Smart Account's administrators about a pending
 * access request: at most one per request every 24 hours. Needs
 * %SA_CLIENT_FEATURE_ACCESS_REQUESTS.
 */
void
sa_client_send_reminder_async (SaClient            *self,
                               const char          *access_request_id,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  SaClientClass *klass;

  g_return_if_fail (SA_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  klass = SA_CLIENT_GET_CLASS (self);
  if (klass->send_reminder_async == NULL)
    {
      sa_client_return_not_supported (self, cancellable, callback, user_data);
      return;
    }

  klass->send_reminder_async (self, access_request_id, cancellable, callback, user_data);
}

/**
 * sa_client_send_reminder_finish:
 * @self: an #SaClient
 * @result: the #GAsyncResult
 * @next_reminder: (out) (optional) (nullable) (transfer full): on
 *   %SA_CLIENT_ERROR_REMINDER_TOO_SOON, when the next reminder is allowed
 *   (UTC); otherwise %NULL
 * @error: return location for a #GError, or %NULL
 *
 * Returns: (transfer full) (nullable): the access request with its new
 *   reminder dates; or %NULL with %SA_CLIENT_ERROR_REMINDER_TOO_SOON,
 *   %SA_CLIENT_ERROR_REQUEST_NOT_PENDING,
 *   %SA_CLIENT_ERROR_ACCESS_REQUEST_NOT_FOUND, %SA_CLIENT_ERROR_INVALID_INPUT,
 *   %SA_CLIENT_ERROR_UNAUTHENTICATED, %SA_CLIENT_ERROR_INSECURE_URI,
 *   %SA_CLIENT_ERROR_NETWORK, %SA_CLIENT_ERROR_TIMEOUT,
 *   %SA_CLIENT_ERROR_SERVER_ERROR, %SA_CLIENT_ERROR_INVALID_RESPONSE,
 *   %SA_CLIENT_ERROR_NOT_SUPPORTED or %G_IO_ERROR_CANCELLED
 */
SaAccessRequest *
sa_client_send_reminder_finish (SaClient      *self,
                                GAsyncResult  *result,
                                GDateTime    **next_reminder,
                                GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  SaAccessRequest *access_request;

  if (next_reminder != NULL)
    *next_reminder = NULL;

  g_return_val_if_fail (SA_IS_CLIENT (self), NULL);
  g_return_val_if_fail (G_IS_ASYNC_RESULT (result), NULL);

  if (sa_client_is_not_supported (self, result))
    return g_task_propagate_pointer (G_TASK (result), error);

  access_request = SA_CLIENT_GET_CLASS (self)->send_reminder_finish (self, result, &local_error);
  if (access_request == NULL)
    {
      GDateTime *next = sa_client_error_get_next_reminder (local_error);

      if (next_reminder != NULL && next != NULL)
        *next_reminder = g_date_time_ref (next);
      g_propagate_error (error, g_steal_pointer (&local_error));
    }

  return access_request;
}
