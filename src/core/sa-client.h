/* sa-client.h — the back-end boundary: what the UI asks of a back end
 *
 * #SaClient is abstract. The UI asks it for the profile, orders, Smart
 * Accounts, Virtual Accounts and requests, and never learns how they are
 * reached: #SaDeskClient (src/core/desk/) speaks the Desk API to the sandbox
 * or a partner gateway; another back end (Cisco's APIs) plugs in beside it by
 * subclassing and filling in the class struct (docs/backends.md).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sa-access-request.h"
#include "sa-account-access.h"
#include "sa-account-request.h"
#include "sa-assignment.h"
#include "sa-license.h"
#include "sa-order.h"
#include "sa-profile.h"
#include "sa-smart-account.h"
#include "sa-types.h"
#include "sa-virtual-account.h"

G_BEGIN_DECLS

/**
 * SaClientFeatures:
 * @SA_CLIENT_FEATURE_NONE: none of the features below (the back end still
 *   answers the reads it implements: Smart Account search, Virtual Accounts,
 *   one order by number, the profile)
 * @SA_CLIENT_FEATURE_SIGN_IN_WITH_PASSWORD: sa_client_sign_in_async() takes
 *   a user name and password (the Desk's password grant); without it the
 *   back end's two secrets are of another kind (Cisco: the Client ID and
 *   Secret of the user's own API application)
 * @SA_CLIENT_FEATURE_ORDER_LIST: sa_client_search_orders_async() lists and
 *   searches orders by Sales Order, Web Order or PO number
 * @SA_CLIENT_FEATURE_ASSIGNMENT_WRITE: sa_client_update_assignment_async()
 *   changes an order's End Customer and Holding Smart Accounts (procedures 1
 *   and 2); without it the change is made on CCW
 * @SA_CLIENT_FEATURE_ACCOUNT_REQUESTS: requests for a customer's Smart Account
 *   are sent and listed here (procedure 3); without it on Cisco Software Central
 * @SA_CLIENT_FEATURE_ACCESS_REQUESTS: access requests are sent, listed and
 *   reminded here, and the profile can be updated (procedure 4)
 * @SA_CLIENT_FEATURE_TRAINING_CONTROLS: the back end is (or may be) the
 *   training sandbox, whose controls (sa-desk-training.h: start over, move the
 *   clock, play the customer or the administrator) apply
 * @SA_CLIENT_FEATURE_LICENSES: sa_client_list_licenses_async() and
 *   sa_client_find_licenses_by_order_async() answer: the licenses in a Smart
 *   Account's Virtual Accounts with their originating orders, and "Where are
 *   my licenses?" for an order
 * @SA_CLIENT_FEATURE_MY_ACCOUNTS: sa_client_list_my_accounts_async() answers:
 *   the Smart Accounts the user can reach, with their roles
 * @SA_CLIENT_FEATURE_PORTAL_HAND_OFF: the writes of the four procedures are
 *   done in Cisco's portals (CCW, Cisco Software Central), not through the
 *   back end: the app checks first, then hands the prepared values to the
 *   portal
 * @SA_CLIENT_FEATURE_ACCOUNT_SEARCH_BY_EMAIL: sa_client_search_accounts_async()
 *   searches by Email ID too (%SA_ACCOUNT_SEARCH_EMAIL); without it only by
 *   Domain Identifier or Account Name (Cisco's search has no e-mail)
 * @SA_CLIENT_FEATURE_RESTRICTED_ACCOUNTS_HIDDEN: a Smart Account search matches
 *   parts of names and domains but does not find restricted Smart Accounts,
 *   which only their full name or full Domain Identifier finds (Cisco's rule):
 *   when nothing is found, the UI says so and suggests typing the full name or
 *   domain
 * @SA_CLIENT_FEATURE_LICENSE_TRANSFER: sa_client_transfer_licenses_async()
 *   moves licenses between two Virtual Accounts of a Smart Account (Cisco's
 *   one public write; the workaround for a Virtual Account whose double-byte
 *   name the portal does not show)
 *
 * What a back end can do, so that the UI shows only what works and says where
 * the rest is done. Every operation a back end lacks fails with
 * %SA_CLIENT_ERROR_NOT_SUPPORTED.
 */
typedef enum /*< flags >*/
{
  SA_CLIENT_FEATURE_NONE                       = 0,
  SA_CLIENT_FEATURE_SIGN_IN_WITH_PASSWORD      = 1 << 0,
  SA_CLIENT_FEATURE_ORDER_LIST                 = 1 << 1,
  SA_CLIENT_FEATURE_ASSIGNMENT_WRITE           = 1 << 2,
  SA_CLIENT_FEATURE_ACCOUNT_REQUESTS           = 1 << 3,
  SA_CLIENT_FEATURE_ACCESS_REQUESTS            = 1 << 4,
  SA_CLIENT_FEATURE_TRAINING_CONTROLS          = 1 << 5,
  SA_CLIENT_FEATURE_LICENSES                   = 1 << 6,
  SA_CLIENT_FEATURE_MY_ACCOUNTS                = 1 << 7,
  SA_CLIENT_FEATURE_PORTAL_HAND_OFF            = 1 << 8,
  SA_CLIENT_FEATURE_ACCOUNT_SEARCH_BY_EMAIL    = 1 << 9,
  SA_CLIENT_FEATURE_RESTRICTED_ACCOUNTS_HIDDEN = 1 << 10,
  SA_CLIENT_FEATURE_LICENSE_TRANSFER           = 1 << 11,
} SaClientFeatures;

/**
 * SaLicenseTransfer:
 * @license: the license's name, as sa_license_get_license() gives it
 * @license_type: "PERPETUAL" or "TERM", as sa_license_detail_get_license_type()
 *   gives it
 * @quantity: how many, at least 1
 *
 * One line of a license transfer (sa_client_transfer_licenses_async()). The
 * back end chooses which of the source's licenses go (Cisco: the longest term
 * first).
 */
typedef struct
{
  char   *license;
  char   *license_type;
  gint64  quantity;
} SaLicenseTransfer;

void sa_license_transfer_clear (SaLicenseTransfer *transfer);

#define SA_TYPE_CLIENT (sa_client_get_type ())
G_DECLARE_DERIVABLE_TYPE (SaClient, sa_client, SA, CLIENT, GObject)

/* One async/finish pair per operation. A back end fills in those it can do;
 * a NULL pair makes the operation fail with SA_CLIENT_ERROR_NOT_SUPPORTED.
 * The public functions check their arguments, then call these. Error details
 * (refused fields, candidates, next reminder) go on the GError with the
 * setters of sa-error-private.h, not through the finish functions. */
struct _SaClientClass
{
  GObjectClass parent_class;

  SaClientFeatures  (*get_features)                  (SaClient             *self);
  const char       *(*get_base_uri)                  (SaClient             *self);

  void              (*sign_in_async)                 (SaClient             *self,
                                                      const char           *username,
                                                      const char           *password,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
  gboolean          (*sign_in_finish)                (SaClient             *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);
  void              (*sign_out)                      (SaClient             *self);

  void              (*get_profile_async)             (SaClient             *self,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
  SaProfile        *(*get_profile_finish)            (SaClient             *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);
  void              (*update_profile_async)          (SaClient             *self,
                                                      SaProfile            *profile,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
  SaProfile        *(*update_profile_finish)         (SaClient             *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);

  void              (*search_orders_async)           (SaClient             *self,
                                                      SaOrderSearchField    field,
                                                      const char           *value,
                                                      guint                 offset,
                                                      guint                 limit,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
  GListModel       *(*search_orders_finish)          (SaClient             *self,
                                                      GAsyncResult         *result,
                                                      guint                *total_records,
                                                      GError              **error);
  void              (*get_order_async)               (SaClient             *self,
                                                      const char           *sales_order_number,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
  SaOrder          *(*get_order_finish)              (SaClient             *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);
  void              (*update_assignment_async)       (SaClient             *self,
                                                      SaOrder              *order,
                                                      SaAssignment         *end_customer,
                                                      SaAssignment         *holding,
                                                      gboolean              terms_accepted,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
  SaOrder          *(*update_assignment_finish)      (SaClient             *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);

  void              (*search_accounts_async)         (SaClient             *self,
                                                      SaAccountSearchField  field,
                                                      const char           *value,
                                                      int                   type_filter,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
  GListModel       *(*search_accounts_finish)        (SaClient             *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);
  void              (*list_virtual_accounts_async)   (SaClient             *self,
                                                      const char           *domain,
                                                      SaAccountType         account_type,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
  GListModel       *(*list_virtual_accounts_finish)  (SaClient             *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);

  void              (*create_account_request_async)  (SaClient             *self,
                                                      const char           *account_name,
                                                      const char           *customer_email,
                                                      const char           *account_domain,
                                                      const char           *note_to_customer,
                                                      const char * const   *users,
                                                      const char           *note_to_users,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
  SaAccountRequest *(*create_account_request_finish) (SaClient             *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);
  void              (*list_account_requests_async)   (SaClient             *self,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
  GListModel       *(*list_account_requests_finish)  (SaClient             *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);

  void              (*find_access_candidates_async)  (SaClient             *self,
                                                      const char           *domain,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
  GListModel       *(*find_access_candidates_finish) (SaClient             *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);
  void              (*create_access_request_async)   (SaClient             *self,
                                                      const char           *domain,
                                                      const char           *account_id,
                                                      const char           *reason,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
  SaAccessRequest  *(*create_access_request_finish)  (SaClient             *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);
  void              (*list_access_requests_async)    (SaClient             *self,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
  GListModel       *(*list_access_requests_finish)   (SaClient             *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);
  void              (*send_reminder_async)           (SaClient             *self,
                                                      const char           *access_request_id,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
  SaAccessRequest  *(*send_reminder_finish)          (SaClient             *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);

  void              (*list_my_accounts_async)        (SaClient             *self,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
  GListModel       *(*list_my_accounts_finish)       (SaClient             *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);
  void              (*list_licenses_async)           (SaClient             *self,
                                                      const char           *domain,
                                                      const char           *virtual_account,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
  GListModel       *(*list_licenses_finish)          (SaClient             *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);
  void              (*find_licenses_by_order_async)  (SaClient             *self,
                                                      const char           *order_number,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
  GListModel       *(*find_licenses_by_order_finish) (SaClient             *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);
  void              (*transfer_licenses_async)       (SaClient                *self,
                                                      const char              *domain,
                                                      const char              *source_virtual_account,
                                                      const char              *target_virtual_account,
                                                      const SaLicenseTransfer *transfers,
                                                      guint                    n_transfers,
                                                      GCancellable            *cancellable,
                                                      GAsyncReadyCallback      callback,
                                                      gpointer                 user_data);
  gboolean          (*transfer_licenses_finish)      (SaClient             *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);

  /*< private >*/
  gpointer padding[6];
};

/* Properties: "signed-in" (boolean, read-only), "username" (string,
 * read-only, NULL until signed in).
 * Signal: "sign-in-required" (no arguments).
 *
 * Every *_async call takes a GCancellable owned by the caller; cancelling gives
 * G_IO_ERROR_CANCELLED from *_finish. All other errors are in SA_CLIENT_ERROR. */
SaClientFeatures  sa_client_get_features             (SaClient             *self);
const char       *sa_client_get_base_uri             (SaClient             *self);
gboolean          sa_client_get_signed_in            (SaClient             *self);
const char       *sa_client_get_username             (SaClient             *self);
void              sa_client_sign_out                 (SaClient             *self);

/* Sign in (the Desk: POST /oauth2/token, password grant). */
void              sa_client_sign_in_async            (SaClient             *self,
                                                      const char           *username,
                                                      const char           *password,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
gboolean          sa_client_sign_in_finish           (SaClient             *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);

/* When enabled, a call refused because the sign-in expired makes the back end
 * look up the credentials remembered in the keyring for its base URI, sign in
 * again once and repeat the call once; if that fails the call fails with
 * SA_CLIENT_ERROR_UNAUTHENTICATED and the client emits "sign-in-required" —
 * the UI opens its sign-in dialog and, once signed in, repeats what the user
 * was doing. */
void              sa_client_set_renew_from_keyring   (SaClient             *self,
                                                      gboolean              enabled);
gboolean          sa_client_get_renew_from_keyring   (SaClient             *self);

/* ---- Procedures 1 and 2: assign an order, change its assignment ---- */

/* @value NULL lists all orders the user may see. Returns a GListModel of
 * SaOrder (no ETag: fetch one order for that); @total_records, when not NULL,
 * receives the number of matches across all pages. */
void              sa_client_search_orders_async      (SaClient             *self,
                                                      SaOrderSearchField    field,
                                                      const char           *value,
                                                      guint                 offset,
                                                      guint                 limit,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
GListModel       *sa_client_search_orders_finish     (SaClient             *self,
                                                      GAsyncResult         *result,
                                                      guint                *total_records,
                                                      GError              **error);
/* One order with its assignment and its ETag. */
void              sa_client_get_order_async          (SaClient             *self,
                                                      const char           *sales_order_number,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
SaOrder          *sa_client_get_order_finish         (SaClient             *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);
/* @end_customer and @holding: the new slot contents, or NULL to leave that
 * slot as it is; at least one is required. Returns the updated order. */
void              sa_client_update_assignment_async  (SaClient             *self,
                                                      SaOrder              *order,
                                                      SaAssignment         *end_customer,
                                                      SaAssignment         *holding,
                                                      gboolean              terms_accepted,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
SaOrder          *sa_client_update_assignment_finish (SaClient             *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);
/* @type_filter: an SaAccountType, or -1 for any. A GListModel of SaSmartAccount. */
void              sa_client_search_accounts_async    (SaClient             *self,
                                                      SaAccountSearchField  field,
                                                      const char           *value,
                                                      int                   type_filter,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
GListModel       *sa_client_search_accounts_finish   (SaClient             *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);
/* A GListModel of SaVirtualAccount, DEFAULT first. */
void              sa_client_list_virtual_accounts_async  (SaClient         *self,
                                                          const char       *domain,
                                                          SaAccountType     account_type,
                                                          GCancellable     *cancellable,
                                                          GAsyncReadyCallback callback,
                                                          gpointer          user_data);
GListModel       *sa_client_list_virtual_accounts_finish (SaClient         *self,
                                                          GAsyncResult     *result,
                                                          GError          **error);

/* ---- Procedure 3: request a Smart Account for a customer ---- */

/* @users: NULL-terminated e-mails (may be NULL). Validated locally first
 * (INVALID_INPUT). Returns the new request; its Smart Account is Pending and
 * can be assigned at once. */
void              sa_client_create_account_request_async  (SaClient            *self,
                                                           const char          *account_name,
                                                           const char          *customer_email,
                                                           const char          *account_domain,
                                                           const char          *note_to_customer,
                                                           const char * const  *users,
                                                           const char          *note_to_users,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
/* Which fields were refused: sa_client_error_dup_account_request_field() on
 * @error (sa-fields.h). */
SaAccountRequest *sa_client_create_account_request_finish (SaClient            *self,
                                                           GAsyncResult        *result,
                                                           GError             **error);
/* A GListModel of SaAccountRequest, newest first. */
void              sa_client_list_account_requests_async   (SaClient            *self,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
GListModel       *sa_client_list_account_requests_finish  (SaClient            *self,
                                                           GAsyncResult        *result,
                                                           GError             **error);

/* ---- Procedure 4: request access to an existing Smart Account ---- */

void              sa_client_get_profile_async             (SaClient            *self,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
SaProfile        *sa_client_get_profile_finish            (SaClient            *self,
                                                           GAsyncResult        *result,
                                                           GError             **error);
/* "Update your profile"; returns the profile as saved. Which fields were
 * refused: sa_client_error_dup_profile_field() on @error (sa-fields.h). */
void              sa_client_update_profile_async          (SaClient            *self,
                                                           SaProfile           *profile,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
SaProfile        *sa_client_update_profile_finish         (SaClient            *self,
                                                           GAsyncResult        *result,
                                                           GError             **error);
/* The Smart Accounts with exactly this Account Domain Identifier (GListModel
 * of SaSmartAccount; may be empty). */
void              sa_client_find_access_candidates_async  (SaClient            *self,
                                                           const char          *domain,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
GListModel       *sa_client_find_access_candidates_finish (SaClient            *self,
                                                           GAsyncResult        *result,
                                                           GError             **error);
/* @account_id: the chosen Smart Account's id, or NULL. On
 * SA_CLIENT_ERROR_ACCOUNT_ID_REQUIRED, *candidates (when not NULL) receives a
 * GListModel of SaSmartAccount to choose from. */
void              sa_client_create_access_request_async   (SaClient            *self,
                                                           const char          *domain,
                                                           const char          *account_id,
                                                           const char          *reason,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
SaAccessRequest  *sa_client_create_access_request_finish  (SaClient            *self,
                                                           GAsyncResult        *result,
                                                           GListModel         **candidates,
                                                           GError             **error);
/* A GListModel of SaAccessRequest, newest first. */
void              sa_client_list_access_requests_async    (SaClient            *self,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
GListModel       *sa_client_list_access_requests_finish   (SaClient            *self,
                                                           GAsyncResult        *result,
                                                           GError             **error);
/* "Send a reminder". On SA_CLIENT_ERROR_REMINDER_TOO_SOON, *next_reminder
 * (when not NULL) receives when the next reminder is allowed. */
void              sa_client_send_reminder_async           (SaClient            *self,
                                                           const char          *access_request_id,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
SaAccessRequest  *sa_client_send_reminder_finish          (SaClient            *self,
                                                           GAsyncResult        *result,
                                                           GDateTime          **next_reminder,
                                                           GError             **error);

/* ---- Licenses and the user's own Smart Accounts (sa-client-licenses.c) ---- */

/* The Smart Accounts the user can reach, with their roles: a GListModel of
 * SaAccountAccess. Needs SA_CLIENT_FEATURE_MY_ACCOUNTS. */
void              sa_client_list_my_accounts_async        (SaClient            *self,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
GListModel       *sa_client_list_my_accounts_finish       (SaClient            *self,
                                                           GAsyncResult        *result,
                                                           GError             **error);
/* The licenses of one Smart Account, in all its Virtual Accounts the user may
 * see or in @virtual_account only: a GListModel of SaLicense. Needs
 * SA_CLIENT_FEATURE_LICENSES. */
void              sa_client_list_licenses_async           (SaClient            *self,
                                                           const char          *domain,
                                                           const char          *virtual_account,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
GListModel       *sa_client_list_licenses_finish          (SaClient            *self,
                                                           GAsyncResult        *result,
                                                           GError             **error);
/* "Where are my licenses?": the licenses, in any of the user's Smart
 * Accounts, whose details name @order_number; each carries its Smart Account
 * (sa_license_get_smart_account_domain()) and Virtual Account. Empty when none
 * arrived. Needs SA_CLIENT_FEATURE_LICENSES. */
void              sa_client_find_licenses_by_order_async  (SaClient            *self,
                                                           const char          *order_number,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
GListModel       *sa_client_find_licenses_by_order_finish (SaClient            *self,
                                                           GAsyncResult        *result,
                                                           GError             **error);
/* Moves licenses from one Virtual Account of @domain to another: the one
 * write the app performs against Cisco (the double-byte Virtual Account
 * workaround), after the user's confirmation. @transfers is read before the
 * call returns. Needs SA_CLIENT_FEATURE_LICENSE_TRANSFER. */
void              sa_client_transfer_licenses_async       (SaClient                *self,
                                                           const char              *domain,
                                                           const char              *source_virtual_account,
                                                           const char              *target_virtual_account,
                                                           const SaLicenseTransfer *transfers,
                                                           guint                    n_transfers,
                                                           GCancellable            *cancellable,
                                                           GAsyncReadyCallback      callback,
                                                           gpointer                 user_data);
gboolean          sa_client_transfer_licenses_finish      (SaClient                *self,
                                                           GAsyncResult            *result,
                                                           GError                 **error);

G_END_DECLS
