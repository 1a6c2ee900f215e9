/* sa-account-request.c — a request for a customer's Smart Account (procedure 3)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sa-account-request.h"
#include "sa-error.h"
#include "sa-json-private.h"

struct _SaAccountRequest
{
  GObject          parent_instance;

  char            *id;
  char            *account_name;
  char            *account_domain;
  char            *customer_email;
  char            *note_to_customer;
  char           **users;
  char            *note_to_users;
  SaAccountStatus  status;
  GDateTime       *created_date;
  GDateTime       *expires_date;
  guint            days_left;
  SaSmartAccount  *smart_account;
};

G_DEFINE_FINAL_TYPE (SaAccountRequest, sa_account_request, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_ACCOUNT_NAME,
  PROP_ACCOUNT_DOMAIN,
  PROP_CUSTOMER_EMAIL,
  PROP_NOTE_TO_CUSTOMER,
  PROP_USERS,
  PROP_NOTE_TO_USERS,
  PROP_STATUS,
  PROP_CREATED_DATE,
  PROP_EXPIRES_DATE,
  PROP_DAYS_LEFT,
  PROP_SMART_ACCOUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sa_account_request_finalize (GObject *object)
{
  SaAccountRequest *self = (SaAccountRequest *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->account_name, g_free);
  g_clear_pointer (&self->account_domain, g_free);
  g_clear_pointer (&self->customer_email, g_free);
  g_clear_pointer (&self->note_to_customer, g_free);
  g_clear_pointer (&self->users, g_strfreev);
  g_clear_pointer (&self->note_to_users, g_free);
  g_clear_pointer (&self->created_date, g_date_time_unref);
  g_clear_pointer (&self->expires_date, g_date_time_unref);
  g_clear_object (&self->smart_account);

  G_OBJECT_CLASS (sa_account_request_parent_class)->finalize (object);
}

static void
sa_account_request_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SaAccountRequest *self = SA_ACCOUNT_REQUEST (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_ACCOUNT_NAME:
      g_value_set_string (value, self->account_name);
      break;
    case PROP_ACCOUNT_DOMAIN:
      g_value_set_string (value, self->account_domain);
      break;
    case PROP_CUSTOMER_EMAIL:
      g_value_set_string (value, self->customer_email);
      break;
    case PROP_NOTE_TO_CUSTOMER:
      g_value_set_string (value, self->note_to_customer);
      break;
    case PROP_USERS:
      g_value_set_boxed (value, self->users);
      break;
    case PROP_NOTE_TO_USERS:
      g_value_set_string (value, self->note_to_users);
      break;
    case PROP_STATUS:
      g_value_set_int (value, self->status);
      break;
    case PROP_CREATED_DATE:
      g_value_set_boxed (value, self->created_date);
      break;
    case PROP_EXPIRES_DATE:
      g_value_set_boxed (value, self->expires_date);
      break;
    case PROP_DAYS_LEFT:
      g_value_set_uint (value, self->days_left);
      break;
    case PROP_SMART_ACCOUNT:
      g_value_set_object (value, self->smart_account);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sa_account_request_class_init (SaAccountRequestClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = sa_account_request_finalize;
  object_class->get_property = sa_account_request_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_ACCOUNT_NAME] =
    g_param_spec_string ("account-name", NULL, NULL, NULL, flags);
  properties[PROP_ACCOUNT_DOMAIN] =
    g_param_spec_string ("account-domain", NULL, NULL, NULL, flags);
  properties[PROP_CUSTOMER_EMAIL] =
    g_param_spec_string ("customer-email", NULL, NULL, NULL, flags);
  properties[PROP_NOTE_TO_CUSTOMER] =
    g_param_spec_string ("note-to-customer", NULL, NULL, NULL, flags);
  properties[PROP_USERS] =
    g_param_spec_boxed ("users", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_NOTE_TO_USERS] =
    g_param_spec_string ("note-to-users", NULL, NULL, NULL, flags);
  properties[PROP_STATUS] =
    g_param_spec_int ("status", NULL, NULL,
                      SA_ACCOUNT_STATUS_ACTIVE, SA_ACCOUNT_STATUS_EXPIRED,
                      SA_ACCOUNT_STATUS_PENDING, flags);
  properties[PROP_CREATED_DATE] =
    g_param_spec_boxed ("created-date", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_EXPIRES_DATE] =
    g_param_spec_boxed ("expires-date", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_DAYS_LEFT] =
    g_param_spec_uint ("days-left", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_SMART_ACCOUNT] =
    g_param_spec_object ("smart-account", NULL, NULL, SA_TYPE_SMART_ACCOUNT, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sa_account_request_init (SaAccountRequest *self)
{
  self->status = SA_ACCOUNT_STATUS_PENDING;
}

/**
 * sa_account_request_new_from_json:
 * @object: an AccountRequest object of the Desk API (`id`, `accountName`,
 *   `accountDomain`, `customerEmail`, `noteToCustomer`, `users`,
 *   `noteToUsers`, `status`, `createdDate`, `expiresDate`, `daysLeft`,
 *   `smartAccount`)
 * @error: return location for a #GError, or %NULL
 *
 * Reads a Smart Account request, as sent (the result of "Send Request", the
 * last step of requesting a Smart Account for a customer) or as listed in
 * "Smart Account requests". `id`, `accountName`, `accountDomain`,
 * `customerEmail`, `status`, `createdDate`, `expiresDate`, `daysLeft` and
 * `smartAccount` are required; the notes and `users` may be missing or null.
 * Dates are ISO 8601 and returned in UTC.
 *
 * Returns: (transfer full) (nullable): a new #SaAccountRequest, or %NULL with
 *   %SA_CLIENT_ERROR_INVALID_RESPONSE when a member is missing, of the wrong
 *   type or has an unknown value
 */
SaAccountRequest *
sa_account_request_new_from_json (JsonObject  *object,
                                  GError     **error)
{
  const char *what = "account request";
  g_autoptr(SaAccountRequest) self = NULL;
  g_autoptr(GDateTime) created = NULL;
  g_autoptr(GDateTime) expires = NULL;
  g_autoptr(SaSmartAccount) smart_account = NULL;
  g_auto(GStrv) users = NULL;
  const char *id, *account_name, *account_domain, *customer_email;
  const char *note_to_customer, *note_to_users, *status_str;
  JsonObject *account_object = NULL;
  SaAccountStatus status;
  gint64 days_left;

  g_return_val_if_fail (object != NULL, NULL);

  if (!sa_json_read_string (object, what, "id", TRUE, &id, error) ||
      !sa_json_read_string (object, what, "accountName", TRUE, &account_name, error) ||
      !sa_json_read_string (object, what, "accountDomain", TRUE, &account_domain, error) ||
      !sa_json_read_string (object, what, "customerEmail", TRUE, &customer_email, error) ||
      !sa_json_read_string (object, what, "noteToCustomer", FALSE, &note_to_customer, error) ||
      !sa_json_read_strv (object, what, "users", FALSE, &users, error) ||
      !sa_json_read_string (object, what, "noteToUsers", FALSE, &note_to_users, error) ||
      !sa_json_read_string (object, what, "status", TRUE, &status_str, error) ||
      !sa_json_read_date (object, what, "createdDate", TRUE, &created, error) ||
      !sa_json_read_date (object, what, "expiresDate", TRUE, &expires, error) ||
      !sa_json_read_int (object, what, "daysLeft", TRUE, 0, &days_left, error) ||
      !sa_json_read_object (object, what, "smartAccount", &account_object, error))
    return NULL;

  if (!sa_account_status_from_string (status_str, &status))
    return (sa_json_fail_value (what, "status", error), NULL);
  if (days_left < 0 || days_left > G_MAXUINT)
    return (sa_json_fail_value (what, "daysLeft", error), NULL);
  if (account_object == NULL)
    {
      g_set_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INVALID_RESPONSE,
                   "Invalid %s in the server's answer: “%s” is missing",
                   what, "smartAccount");
      return NULL;
    }

  smart_account = sa_smart_account_new_from_json (account_object, error);
  if (smart_account == NULL)
    return NULL;

  self = g_object_new (SA_TYPE_ACCOUNT_REQUEST, NULL);
  self->id = g_strdup (id);
  self->account_name = g_strdup (account_name);
  self->account_domain = g_strdup (account_domain);
  self->customer_email = g_strdup (customer_email);
  self->note_to_customer = g_strdup (note_to_customer);
  self->users = g_steal_pointer (&users);
  self->note_to_users = g_strdup (note_to_users);
  self->status = status;
  self->created_date = g_steal_pointer (&created);
  self->expires_date = g_steal_pointer (&expires);
  self->days_left = (guint) days_left;
  self->smart_account = g_steal_pointer (&smart_account);

  return g_steal_pointer (&self);
}

/**
 * sa_account_request_get_id:
 * @self: an #SaAccountRequest
 *
 * Returns: (transfer none): the server's identifier ("AR-000001")
 */
const char *
sa_account_request_get_id (SaAccountRequest *self)
{
  g_return_val_if_fail (SA_IS_ACCOUNT_REQUEST (self), NULL);
  return self->id;
}

/**
 * sa_account_request_get_account_name:
 * @self: an #SaAccountRequest
 *
 * Returns: (transfer none): the Account Name
 */
const char *
sa_account_request_get_account_name (SaAccountRequest *self)
{
  g_return_val_if_fail (SA_IS_ACCOUNT_REQUEST (self), NULL);
  return self->account_name;
}

/**
 * sa_account_request_get_account_domain:
 * @self: an #SaAccountRequest
 *
 * Returns: (transfer none): the Account Domain, lower-cased by the server
 */
const char *
sa_account_request_get_account_domain (SaAccountRequest *self)
{
  g_return_val_if_fail (SA_IS_ACCOUNT_REQUEST (self), NULL);
  return self->account_domain;
}

/**
 * sa_account_request_get_customer_email:
 * @self: an #SaAccountRequest
 *
 * Returns: (transfer none): the Customer Email (who must accept the request)
 */
const char *
sa_account_request_get_customer_email (SaAccountRequest *self)
{
  g_return_val_if_fail (SA_IS_ACCOUNT_REQUEST (self), NULL);
  return self->customer_email;
}

/**
 * sa_account_request_get_note_to_customer:
 * @self: an #SaAccountRequest
 *
 * Returns: (transfer none) (nullable): the Note to Customer
 */
const char *
sa_account_request_get_note_to_customer (SaAccountRequest *self)
{
  g_return_val_if_fail (SA_IS_ACCOUNT_REQUEST (self), NULL);
  return self->note_to_customer;
}

/**
 * sa_account_request_get_users:
 * @self: an #SaAccountRequest
 *
 * Returns: (transfer none) (array zero-terminated=1): the User Emails added
 *   to the account (never %NULL, possibly empty)
 */
const char * const *
sa_account_request_get_users (SaAccountRequest *self)
{
  g_return_val_if_fail (SA_IS_ACCOUNT_REQUEST (self), NULL);
  return (const char * const *) self->users;
}

/**
 * sa_account_request_get_note_to_users:
 * @self: an #SaAccountRequest
 *
 * Returns: (transfer none) (nullable): the Note to Added Users
 */
const char *
sa_account_request_get_note_to_users (SaAccountRequest *self)
{
  g_return_val_if_fail (SA_IS_ACCOUNT_REQUEST (self), NULL);
  return self->note_to_users;
}

/**
 * sa_account_request_get_status:
 * @self: an #SaAccountRequest
 *
 * Returns: %SA_ACCOUNT_STATUS_PENDING (Pending customer acceptance),
 *   %SA_ACCOUNT_STATUS_ACTIVE (accepted) or %SA_ACCOUNT_STATUS_EXPIRED (not
 *   accepted within 90 days)
 */
SaAccountStatus
sa_account_request_get_status (SaAccountRequest *self)
{
  g_return_val_if_fail (SA_IS_ACCOUNT_REQUEST (self), SA_ACCOUNT_STATUS_PENDING);
  return self->status;
}

/**
 * sa_account_request_get_created_date:
 * @self: an #SaAccountRequest
 *
 * Returns: (transfer none): when the request was sent (UTC)
 */
GDateTime *
sa_account_request_get_created_date (SaAccountRequest *self)
{
  g_return_val_if_fail (SA_IS_ACCOUNT_REQUEST (self), NULL);
  return self->created_date;
}

/**
 * sa_account_request_get_expires_date:
 * @self: an #SaAccountRequest
 *
 * Returns: (transfer none): when the request expires if the customer has not
 *   accepted it (90 days after it was sent, UTC)
 */
GDateTime *
sa_account_request_get_expires_date (SaAccountRequest *self)
{
  g_return_val_if_fail (SA_IS_ACCOUNT_REQUEST (self), NULL);
  return self->expires_date;
}

/**
 * sa_account_request_get_days_left:
 * @self: an #SaAccountRequest
 *
 * Returns: whole days left for the customer to accept (rounded up), 0 once
 *   accepted or expired
 */
guint
sa_account_request_get_days_left (SaAccountRequest *self)
{
  g_return_val_if_fail (SA_IS_ACCOUNT_REQUEST (self), 0);
  return self->days_left;
}

/**
 * sa_account_request_get_smart_account:
 * @self: an #SaAccountRequest
 *
 * Returns: (transfer none): the CUSTOMER Smart Account the request created
 *   (Pending until accepted; an order may be assigned to it at once)
 */
SaSmartAccount *
sa_account_request_get_smart_account (SaAccountRequest *self)
{
  g_return_val_if_fail (SA_IS_ACCOUNT_REQUEST (self), NULL);
  return self->smart_account;
}
