/* sa-access-request.c — a request for access to an existing Smart Account (procedure 4)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sa-access-request.h"
#include "sa-error.h"
#include "sa-json-private.h"

struct _SaAccessRequest
{
  GObject                parent_instance;

  char                  *id;
  char                  *reason;
  SaSmartAccount        *smart_account;
  SaAccessRequestStatus  status;
  GDateTime             *created_date;
  GDateTime             *decided_date;
  GDateTime             *last_reminder_date;
  GDateTime             *next_reminder_date;
};

G_DEFINE_FINAL_TYPE (SaAccessRequest, sa_access_request, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_REASON,
  PROP_SMART_ACCOUNT,
  PROP_STATUS,
  PROP_CREATED_DATE,
  PROP_DECIDED_DATE,
  PROP_LAST_REMINDER_DATE,
  PROP_NEXT_REMINDER_DATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sa_access_request_finalize (GObject *object)
{
  SaAccessRequest *self = (SaAccessRequest *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->reason, g_free);
  g_clear_object (&self->smart_account);
  g_clear_pointer (&self->created_date, g_date_time_unref);
  g_clear_pointer (&self->decided_date, g_date_time_unref);
  g_clear_pointer (&self->last_reminder_date, g_date_time_unref);
  g_clear_pointer (&self->next_reminder_date, g_date_time_unref);

  G_OBJECT_CLASS (sa_access_request_parent_class)->finalize (object);
}

static void
sa_access_request_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SaAccessRequest *self = SA_ACCESS_REQUEST (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_REASON:
      g_value_set_string (value, self->reason);
      break;
    case PROP_SMART_ACCOUNT:
      g_value_set_object (value, self->smart_account);
      break;
    case PROP_STATUS:
      g_value_set_int (value, self->status);
      break;
    case PROP_CREATED_DATE:
      g_value_set_boxed (value, self->created_date);
      break;
    case PROP_DECIDED_DATE:
      g_value_set_boxed (value, self->decided_date);
      break;
    case PROP_LAST_REMINDER_DATE:
      g_value_set_boxed (value, self->last_reminder_date);
      break;
    case PROP_NEXT_REMINDER_DATE:
      g_value_set_boxed (value, self->next_reminder_date);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sa_access_request_class_init (SaAccessRequestClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = sa_access_request_finalize;
  object_class->get_property = sa_access_request_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_REASON] =
    g_param_spec_string ("reason", NULL, NULL, NULL, flags);
  properties[PROP_SMART_ACCOUNT] =
    g_param_spec_object ("smart-account", NULL, NULL, SA_TYPE_SMART_ACCOUNT, flags);
  properties[PROP_STATUS] =
    g_param_spec_int ("status", NULL, NULL,
                      SA_ACCESS_REQUEST_STATUS_PENDING, SA_ACCESS_REQUEST_STATUS_DENIED,
                      SA_ACCESS_REQUEST_STATUS_PENDING, flags);
  properties[PROP_CREATED_DATE] =
    g_param_spec_boxed ("created-date", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_DECIDED_DATE] =
    g_param_spec_boxed ("decided-date", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_LAST_REMINDER_DATE] =
    g_param_spec_boxed ("last-reminder-date", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_NEXT_REMINDER_DATE] =
    g_param_spec_boxed ("next-reminder-date", NULL, NULL, G_TYPE_DATE_TIME, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sa_access_request_init (SaAccessRequest *self)
{
}

/**
 * sa_access_request_new_from_json:
 * @object: an AccessRequest object of the Desk API (`id`, `smartAccount`,
 *   `reason`, `status`, `createdDate`, `decidedDate`, `lastReminderDate`,
 *   `nextReminderDate`)
 * @error: return location for a #GError, or %NULL
 *
 * Reads a request for access to an existing Smart Account, as sent (procedure
 * 4: "Request Access to an Existing Smart Account") or as listed in "Your
 * Access Requests". `id`, `smartAccount`, `status` and `createdDate` are
 * required; `reason` and the three other dates may be missing or null. Dates
 * are ISO 8601 and returned in UTC.
 *
 * Returns: (transfer full) (nullable): a new #SaAccessRequest, or %NULL with
 *   %SA_CLIENT_ERROR_INVALID_RESPONSE when a member is missing, of the wrong
 *   type or has an unknown value
 */
SaAccessRequest *
sa_access_request_new_from_json (JsonObject  *object,
                                 GError     **error)
{
  const char *what = "access request";
  g_autoptr(SaAccessRequest) self = NULL;
  g_autoptr(SaSmartAccount) smart_account = NULL;
  g_autoptr(GDateTime) created = NULL;
  g_autoptr(GDateTime) decided = NULL;
  g_autoptr(GDateTime) last_reminder = NULL;
  g_autoptr(GDateTime) next_reminder = NULL;
  const char *id, *reason, *status_str;
  JsonObject *account_object = NULL;
  SaAccessRequestStatus status;

  g_return_val_if_fail (object != NULL, NULL);

  if (!sa_json_read_string (object, what, "id", TRUE, &id, error) ||
      !sa_json_read_object (object, what, "smartAccount", &account_object, error) ||
      !sa_json_read_string (object, what, "reason", FALSE, &reason, error) ||
      !sa_json_read_string (object, what, "status", TRUE, &status_str, error) ||
      !sa_json_read_date (object, what, "createdDate", TRUE, &created, error) ||
      !sa_json_read_date (object, what, "decidedDate", FALSE, &decided, error) ||
      !sa_json_read_date (object, what, "lastReminderDate", FALSE, &last_reminder, error) ||
      !sa_json_read_date (object, what, "nextReminderDate", FALSE, &next_reminder, error))
    return NULL;

  if (!sa_access_request_status_from_string (status_str, &status))
    return (sa_json_fail_value (what, "status", error), NULL);
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

  self = g_object_new (SA_TYPE_ACCESS_REQUEST, NULL);
  self->id = g_strdup (id);
  self->reason = g_strdup (reason);
  self->smart_account = g_steal_pointer (&smart_account);
  self->status = status;
  self->created_date = g_steal_pointer (&created);
  self->decided_date = g_steal_pointer (&decided);
  self->last_reminder_date = g_steal_pointer (&last_reminder);
  self->next_reminder_date = g_steal_pointer (&next_reminder);

  return g_steal_pointer (&self);
}

/**
 * sa_access_request_get_id:
 * @self: an #SaAccessRequest
 *
 * Returns: (transfer none): the server's identifier ("XR-000001")
 */
const char *
sa_access_request_get_id (SaAccessRequest *self)
{
  g_return_val_if_fail (SA_IS_ACCESS_REQUEST (self), NULL);
  return self->id;
}

/**
 * sa_access_request_get_smart_account:
 * @self: an #SaAccessRequest
 *
 * Returns: (transfer none): the Smart Account access was requested to
 */
SaSmartAccount *
sa_access_request_get_smart_account (SaAccessRequest *self)
{
  g_return_val_if_fail (SA_IS_ACCESS_REQUEST (self), NULL);
  return self->smart_account;
}

/**
 * sa_access_request_get_reason:
 * @self: an #SaAccessRequest
 *
 * Returns: (transfer none) (nullable): the Reason for request
 */
const char *
sa_access_request_get_reason (SaAccessRequest *self)
{
  g_return_val_if_fail (SA_IS_ACCESS_REQUEST (self), NULL);
  return self->reason;
}

/**
 * sa_access_request_get_status:
 * @self: an #SaAccessRequest
 *
 * Returns: Pending (the account's administrators have not answered), Approved
 *   or Denied
 */
SaAccessRequestStatus
sa_access_request_get_status (SaAccessRequest *self)
{
  g_return_val_if_fail (SA_IS_ACCESS_REQUEST (self), SA_ACCESS_REQUEST_STATUS_PENDING);
  return self->status;
}

/**
 * sa_access_request_get_created_date:
 * @self: an #SaAccessRequest
 *
 * Returns: (transfer none): when the request was sent (UTC)
 */
GDateTime *
sa_access_request_get_created_date (SaAccessRequest *self)
{
  g_return_val_if_fail (SA_IS_ACCESS_REQUEST (self), NULL);
  return self->created_date;
}

/**
 * sa_access_request_get_decided_date:
 * @self: an #SaAccessRequest
 *
 * Returns: (transfer none) (nullable): when it was approved or denied (UTC),
 *   %NULL while pending
 */
GDateTime *
sa_access_request_get_decided_date (SaAccessRequest *self)
{
  g_return_val_if_fail (SA_IS_ACCESS_REQUEST (self), NULL);
  return self->decided_date;
}

/**
 * sa_access_request_get_last_reminder_date:
 * @self: an #SaAccessRequest
 *
 * Returns: (transfer none) (nullable): when the last reminder was sent (UTC),
 *   %NULL if none was
 */
GDateTime *
sa_access_request_get_last_reminder_date (SaAccessRequest *self)
{
  g_return_val_if_fail (SA_IS_ACCESS_REQUEST (self), NULL);
  return self->last_reminder_date;
}

/**
 * sa_access_request_get_next_reminder_date:
 * @self: an #SaAccessRequest
 *
 * Returns: (transfer none) (nullable): when the next reminder may be sent
 *   (UTC); %NULL when one may be sent now, or never (the request is decided)
 */
GDateTime *
sa_access_request_get_next_reminder_date (SaAccessRequest *self)
{
  g_return_val_if_fail (SA_IS_ACCESS_REQUEST (self), NULL);
  return self->next_reminder_date;
}

/**
 * sa_access_request_can_remind:
 * @self: an #SaAccessRequest
 * @now: the current time (the sandbox clock in training mode)
 *
 * Whether "Send a reminder" is allowed: the request is still pending and the
 * last reminder was sent at least 24 hours before @now (the server's
 * `nextReminderDate` when it gave one).
 *
 * Returns: %TRUE when a reminder may be sent at @now
 */
gboolean
sa_access_request_can_remind (SaAccessRequest *self,
                              GDateTime       *now)
{
  g_return_val_if_fail (SA_IS_ACCESS_REQUEST (self), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  if (self->status != SA_ACCESS_REQUEST_STATUS_PENDING)
    return FALSE;

  if (self->next_reminder_date != NULL)
    return g_date_time_compare (now, self->next_reminder_date) >= 0;

  if (self->last_reminder_date != NULL)
    {
      g_autoptr(GDateTime) allowed = g_date_time_add_hours (self->last_reminder_date, 24);

      return g_date_time_compare (now, allowed) >= 0;
    }

  return TRUE;
}
