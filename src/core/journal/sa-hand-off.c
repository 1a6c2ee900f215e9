/* sa-hand-off.c — one procedure handed to Cisco's portal: a row of the journal
 *
 * A plain domain object: its fields, its state and its observations. The
 * rules that depend on it alone (what must be filled in before it is kept, the
 * 90 days a customer has to accept a Smart Account) and its names and labels
 * are in sa-hand-off-rules.c. Reading and writing it is the journal's
 * business (sa-journal-db.c); deciding what the reads mean is the watch's
 * (sa-watch-rules.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sa-hand-off.h"
#include "sa-journal.h"
#include "sa-journal-private.h"

struct _SaHandOff
{
  GObject             parent_instance;

  gint64              id;
  SaHandOffProcedure  procedure;
  char               *subject;
  SaHandOffState      state;
  SaHandOffSlot       slot;
  SaHandOffNotices    notices;
  char               *fields[SA_HAND_OFF_N_FIELDS];
  char              **user_emails;
  GDateTime          *created;
  GDateTime          *handed_off;
  GDateTime          *last_checked;
  GListStore         *observations;
  guint               account_pending : 1;
};

G_DEFINE_FINAL_TYPE (SaHandOff, sa_hand_off, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (SaHandOffProcedure, sa_hand_off_procedure,
  G_DEFINE_ENUM_VALUE (SA_HAND_OFF_ASSIGN_ORDER, "assign-order"),
  G_DEFINE_ENUM_VALUE (SA_HAND_OFF_CHANGE_ASSIGNMENT, "change-assignment"),
  G_DEFINE_ENUM_VALUE (SA_HAND_OFF_REQUEST_SMART_ACCOUNT, "request-smart-account"),
  G_DEFINE_ENUM_VALUE (SA_HAND_OFF_REQUEST_ACCESS, "request-access"),
  G_DEFINE_ENUM_VALUE (SA_HAND_OFF_LICENSE_TRANSFER, "license-transfer"))

G_DEFINE_ENUM_TYPE (SaHandOffState, sa_hand_off_state,
  G_DEFINE_ENUM_VALUE (SA_HAND_OFF_STATE_DRAFT, "draft"),
  G_DEFINE_ENUM_VALUE (SA_HAND_OFF_STATE_HANDED_OFF, "handed-off"),
  G_DEFINE_ENUM_VALUE (SA_HAND_OFF_STATE_OBSERVED_PARTLY, "observed-partly"),
  G_DEFINE_ENUM_VALUE (SA_HAND_OFF_STATE_CONFIRMED, "confirmed"),
  G_DEFINE_ENUM_VALUE (SA_HAND_OFF_STATE_LANDED_ELSEWHERE, "landed-elsewhere"),
  G_DEFINE_ENUM_VALUE (SA_HAND_OFF_STATE_EXPIRED, "expired"),
  G_DEFINE_ENUM_VALUE (SA_HAND_OFF_STATE_FAILED, "failed"),
  G_DEFINE_ENUM_VALUE (SA_HAND_OFF_STATE_REMOVED, "removed"))

G_DEFINE_ENUM_TYPE (SaHandOffSlot, sa_hand_off_slot,
  G_DEFINE_ENUM_VALUE (SA_HAND_OFF_SLOT_NONE, "none"),
  G_DEFINE_ENUM_VALUE (SA_HAND_OFF_SLOT_END_CUSTOMER, "end-customer"),
  G_DEFINE_ENUM_VALUE (SA_HAND_OFF_SLOT_HOLDING, "holding"))

enum {
  PROP_0,
  PROP_ID,
  PROP_PROCEDURE,
  PROP_SUBJECT,
  PROP_STATE,
  PROP_SLOT,
  PROP_ACCOUNT_PENDING,
  PROP_CREATED,
  PROP_HANDED_OFF,
  PROP_LAST_CHECKED,
  PROP_NOTICES,
  PROP_USER_EMAILS,
  PROP_OBSERVATIONS,
  PROP_FIRST_FIELD,
  N_PROPS = PROP_FIRST_FIELD + SA_HAND_OFF_N_FIELDS
};

static GParamSpec *properties[N_PROPS];

/* The property (and journal column, with '_') of each field. */
static const char * const field_names[SA_HAND_OFF_N_FIELDS] = {
  [SA_HAND_OFF_FIELD_DOMAIN] = "domain",
  [SA_HAND_OFF_FIELD_ACCOUNT_NAME] = "account-name",
  [SA_HAND_OFF_FIELD_VIRTUAL_ACCOUNT] = "virtual-account",
  [SA_HAND_OFF_FIELD_INTENDED_VIRTUAL_ACCOUNT] = "intended-virtual-account",
  [SA_HAND_OFF_FIELD_CUSTOMER_EMAIL] = "customer-email",
  [SA_HAND_OFF_FIELD_NOTE_TO_CUSTOMER] = "note-to-customer",
  [SA_HAND_OFF_FIELD_NOTE_TO_USERS] = "note-to-users",
  [SA_HAND_OFF_FIELD_REASON] = "reason",
  [SA_HAND_OFF_FIELD_ACCOUNT_ID] = "account-id",
};

static void
sa_hand_off_finalize (GObject *object)
{
  SaHandOff *self = SA_HAND_OFF (object);

  g_free (self->subject);
  for (guint i = 0; i < SA_HAND_OFF_N_FIELDS; i++)
    g_free (self->fields[i]);
  g_strfreev (self->user_emails);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->handed_off, g_date_time_unref);
  g_clear_pointer (&self->last_checked, g_date_time_unref);
  g_clear_object (&self->observations);

  G_OBJECT_CLASS (sa_hand_off_parent_class)->finalize (object);
}

static void
sa_hand_off_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  SaHandOff *self = SA_HAND_OFF (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_PROCEDURE:
      g_value_set_enum (value, self->procedure);
      break;
    case PROP_SUBJECT:
      g_value_set_string (value, self->subject);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_SLOT:
      g_value_set_enum (value, self->slot);
      break;
    case PROP_ACCOUNT_PENDING:
      g_value_set_boolean (value, self->account_pending);
      break;
    case PROP_CREATED:
      g_value_set_boxed (value, self->created);
      break;
    case PROP_HANDED_OFF:
      g_value_set_boxed (value, self->handed_off);
      break;
    case PROP_LAST_CHECKED:
      g_value_set_boxed (value, self->last_checked);
      break;
    case PROP_NOTICES:
      g_value_set_uint (value, self->notices);
      break;
    case PROP_USER_EMAILS:
      g_value_set_boxed (value, self->user_emails);
      break;
    case PROP_OBSERVATIONS:
      g_value_set_object (value, self->observations);
      break;
    default:
      if (prop_id >= PROP_FIRST_FIELD && prop_id < N_PROPS)
        g_value_set_string (value, self->fields[prop_id - PROP_FIRST_FIELD]);
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sa_hand_off_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  SaHandOff *self = SA_HAND_OFF (object);

  switch (prop_id)
    {
    case PROP_PROCEDURE:
      self->procedure = g_value_get_enum (value);
      break;
    case PROP_SUBJECT:
      g_free (self->subject);
      self->subject = g_strstrip (g_strdup (g_value_get_string (value) ? g_value_get_string (value) : ""));
      break;
    case PROP_STATE:
      sa_hand_off_set_state (self, g_value_get_enum (value));
      break;
    case PROP_SLOT:
      sa_hand_off_set_slot (self, g_value_get_enum (value));
      break;
    case PROP_ACCOUNT_PENDING:
      sa_hand_off_set_account_pending (self, g_value_get_boolean (value));
      break;
    case PROP_HANDED_OFF:
      sa_hand_off_set_handed_off (self, g_value_get_boxed (value));
      break;
    case PROP_USER_EMAILS:
      sa_hand_off_set_user_emails (self, g_value_get_boxed (value));
      break;
    default:
      if (prop_id >= PROP_FIRST_FIELD && prop_id < N_PROPS)
        sa_hand_off_set_field (self, prop_id - PROP_FIRST_FIELD, g_value_get_string (value));
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sa_hand_off_constructed (GObject *object)
{
  SaHandOff *self = SA_HAND_OFF (object);

  G_OBJECT_CLASS (sa_hand_off_parent_class)->constructed (object);

  /* Procedures 3 and 4 are about the domain itself. */
  if ((self->procedure == SA_HAND_OFF_REQUEST_SMART_ACCOUNT ||
       self->procedure == SA_HAND_OFF_REQUEST_ACCESS) &&
      self->fields[SA_HAND_OFF_FIELD_DOMAIN] == NULL && *self->subject != '\0')
    self->fields[SA_HAND_OFF_FIELD_DOMAIN] = g_strdup (self->subject);
}

static void
sa_hand_off_class_init (SaHandOffClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->constructed = sa_hand_off_constructed;
  object_class->finalize = sa_hand_off_finalize;
  object_class->get_property = sa_hand_off_get_property;
  object_class->set_property = sa_hand_off_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_PROCEDURE] =
    g_param_spec_enum ("procedure", NULL, NULL, SA_TYPE_HAND_OFF_PROCEDURE, SA_HAND_OFF_ASSIGN_ORDER,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUBJECT] =
    g_param_spec_string ("subject", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, SA_TYPE_HAND_OFF_STATE, SA_HAND_OFF_STATE_DRAFT, rw);
  properties[PROP_SLOT] =
    g_param_spec_enum ("slot", NULL, NULL, SA_TYPE_HAND_OFF_SLOT, SA_HAND_OFF_SLOT_NONE, rw);
  properties[PROP_ACCOUNT_PENDING] =
    g_param_spec_boolean ("account-pending", NULL, NULL, FALSE, rw);
  properties[PROP_CREATED] = g_param_spec_boxed ("created", NULL, NULL, G_TYPE_DATE_TIME, ro);
  properties[PROP_HANDED_OFF] = g_param_spec_boxed ("handed-off", NULL, NULL, G_TYPE_DATE_TIME, rw);
  properties[PROP_LAST_CHECKED] = g_param_spec_boxed ("last-checked", NULL, NULL, G_TYPE_DATE_TIME,
                                                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                                                      G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTICES] = g_param_spec_uint ("notices", NULL, NULL, 0, G_MAXUINT, 0,
                                                G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                                                G_PARAM_STATIC_STRINGS);
  properties[PROP_USER_EMAILS] = g_param_spec_boxed ("user-emails", NULL, NULL, G_TYPE_STRV, rw);
  properties[PROP_OBSERVATIONS] = g_param_spec_object ("observations", NULL, NULL, G_TYPE_LIST_MODEL, ro);
  for (guint i = 0; i < SA_HAND_OFF_N_FIELDS; i++)
    properties[PROP_FIRST_FIELD + i] = g_param_spec_string (field_names[i], NULL, NULL, NULL, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sa_hand_off_init (SaHandOff *self)
{
  self->observations = g_list_store_new (SA_TYPE_HAND_OFF_OBSERVATION);
  self->created = g_date_time_new_from_unix_utc (g_get_real_time () / G_USEC_PER_SEC);
  self->subject = g_strdup ("");
}

/**
 * sa_hand_off_new:
 * @procedure: the procedure handed off
 * @subject: the Sales Order No. (procedures 1, 2 and license transfer) or the
 *   Account Domain Identifier (procedures 3 and 4); surrounding spaces dropped
 *
 * A new draft, created now, not in the journal yet (id 0). For procedures 3
 * and 4 the %SA_HAND_OFF_FIELD_DOMAIN field is @subject.
 *
 * Returns: (transfer full): a new #SaHandOff
 */
SaHandOff *
sa_hand_off_new (SaHandOffProcedure  procedure,
                 const char         *subject)
{
  g_return_val_if_fail (subject != NULL, NULL);

  return g_object_new (SA_TYPE_HAND_OFF, "procedure", procedure, "subject", subject, NULL);
}

static GDateTime *
dup_or_null (GDateTime *when)
{
  return when != NULL ? g_date_time_ref (when) : NULL;
}

/**
 * sa_hand_off_copy:
 * @self: an #SaHandOff
 *
 * A deep copy, observations included (each copied too): what the journal's
 * worker thread writes while the UI thread goes on using @self.
 *
 * Returns: (transfer full): a new #SaHandOff equal to @self
 */
SaHandOff *
sa_hand_off_copy (SaHandOff *self)
{
  SaHandOff *copy;
  guint n;

  g_return_val_if_fail (SA_IS_HAND_OFF (self), NULL);

  copy = sa_hand_off_new (self->procedure, self->subject);
  copy->id = self->id;
  copy->state = self->state;
  copy->slot = self->slot;
  copy->notices = self->notices;
  copy->account_pending = self->account_pending;
  for (guint i = 0; i < SA_HAND_OFF_N_FIELDS; i++)
    {
      g_free (copy->fields[i]);
      copy->fields[i] = g_strdup (self->fields[i]);
    }
  copy->user_emails = g_strdupv (self->user_emails);
  g_clear_pointer (&copy->created, g_date_time_unref);
  copy->created = g_date_time_ref (self->created);
  copy->handed_off = dup_or_null (self->handed_off);
  copy->last_checked = dup_or_null (self->last_checked);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->observations));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SaHandOffObservation) seen = g_list_model_get_item (G_LIST_MODEL (self->observations), i);
      g_autoptr(SaHandOffObservation) twin =
        sa_hand_off_observation_new_full (sa_hand_off_observation_get_kind (seen),
                                          sa_hand_off_observation_get_seen (seen),
                                          sa_hand_off_observation_get_domain (seen),
                                          sa_hand_off_observation_get_virtual_account (seen),
                                          sa_hand_off_observation_get_quantity (seen),
                                          sa_hand_off_observation_get_text (seen));

      sa_hand_off_observation_set_id (twin, sa_hand_off_observation_get_id (seen));
      g_list_store_append (copy->observations, twin);
    }

  return copy;
}

/**
 * sa_hand_off_get_id:
 * @self: an #SaHandOff
 *
 * Returns: its row in the journal, or 0 before sa_journal_add_async()
 */
gint64
sa_hand_off_get_id (SaHandOff *self)
{
  g_return_val_if_fail (SA_IS_HAND_OFF (self), 0);
  return self->id;
}

/**
 * sa_hand_off_set_id:
 * @self: an #SaHandOff
 * @id: its row in the journal
 *
 * For the journal only (sa-journal-private.h).
 */
void
sa_hand_off_set_id (SaHandOff *self,
                    gint64     id)
{
  g_return_if_fail (SA_IS_HAND_OFF (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

/**
 * sa_hand_off_get_procedure:
 * @self: an #SaHandOff
 *
 * Returns: the procedure handed off
 */
SaHandOffProcedure
sa_hand_off_get_procedure (SaHandOff *self)
{
  g_return_val_if_fail (SA_IS_HAND_OFF (self), SA_HAND_OFF_ASSIGN_ORDER);
  return self->procedure;
}

/**
 * sa_hand_off_get_subject:
 * @self: an #SaHandOff
 *
 * Returns: (transfer none): the Sales Order No. or the Account Domain
 *   Identifier the hand-off is about (see #SaHandOffProcedure)
 */
const char *
sa_hand_off_get_subject (SaHandOff *self)
{
  g_return_val_if_fail (SA_IS_HAND_OFF (self), NULL);
  return self->subject;
}

/**
 * sa_hand_off_get_order_number:
 * @self: an #SaHandOff
 *
 * Returns: (transfer none) (nullable): the Sales Order No. for procedures 1
 *   and 2 and a license transfer; %NULL for procedures 3 and 4
 */
const char *
sa_hand_off_get_order_number (SaHandOff *self)
{
  g_return_val_if_fail (SA_IS_HAND_OFF (self), NULL);

  switch (self->procedure)
    {
    case SA_HAND_OFF_ASSIGN_ORDER:
    case SA_HAND_OFF_CHANGE_ASSIGNMENT:
    case SA_HAND_OFF_LICENSE_TRANSFER:
      return self->subject;
    default:
      return NULL;
    }
}

/**
 * sa_hand_off_get_state:
 * @self: an #SaHandOff
 *
 * Returns: where it stands
 */
SaHandOffState
sa_hand_off_get_state (SaHandOff *self)
{
  g_return_val_if_fail (SA_IS_HAND_OFF (self), SA_HAND_OFF_STATE_DRAFT);
  return self->state;
}

/**
 * sa_hand_off_set_state:
 * @self: an #SaHandOff
 * @state: the new state
 *
 * Changes the state in memory ("state" is notified); sa_journal_update_async()
 * keeps it. The first move out of draft into a watched state stamps the
 * hand-off date (now) when none was set: "Done in the Portal".
 */
void
sa_hand_off_set_state (SaHandOff      *self,
                       SaHandOffState  state)
{
  g_return_if_fail (SA_IS_HAND_OFF (self));

  if (self->state == state)
    return;

  self->state = state;
  if (state != SA_HAND_OFF_STATE_DRAFT && state != SA_HAND_OFF_STATE_REMOVED && self->handed_off == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_from_unix_utc (g_get_real_time () / G_USEC_PER_SEC);

      sa_hand_off_set_handed_off (self, now);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

/**
 * sa_hand_off_is_open:
 * @self: an #SaHandOff
 *
 * Returns: %TRUE when the watch follows it: handed off, or observed partly
 */
gboolean
sa_hand_off_is_open (SaHandOff *self)
{
  g_return_val_if_fail (SA_IS_HAND_OFF (self), FALSE);

  return self->state == SA_HAND_OFF_STATE_HANDED_OFF ||
         self->state == SA_HAND_OFF_STATE_OBSERVED_PARTLY;
}

/**
 * sa_hand_off_get_field:
 * @self: an #SaHandOff
 * @field: which prepared value
 *
 * Returns: (transfer none) (nullable): the value to enter in the portal, or
 *   %NULL when not set
 */
const char *
sa_hand_off_get_field (SaHandOff      *self,
                       SaHandOffField  field)
{
  g_return_val_if_fail (SA_IS_HAND_OFF (self), NULL);
  g_return_val_if_fail (field < SA_HAND_OFF_N_FIELDS, NULL);

  return self->fields[field];
}

/**
 * sa_hand_off_set_field:
 * @self: an #SaHandOff
 * @field: which prepared value
 * @value: (nullable): the value, as the portal must receive it (an empty
 *   string is kept as %NULL)
 *
 * Sets a prepared value; its property is notified.
 */
void
sa_hand_off_set_field (SaHandOff      *self,
                       SaHandOffField  field,
                       const char     *value)
{
  g_return_if_fail (SA_IS_HAND_OFF (self));
  g_return_if_fail (field < SA_HAND_OFF_N_FIELDS);

  if (value != NULL && *value == '\0')
    value = NULL;
  if (g_strcmp0 (self->fields[field], value) == 0)
    return;

  g_free (self->fields[field]);
  self->fields[field] = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRST_FIELD + field]);
}

/**
 * sa_hand_off_get_user_emails:
 * @self: an #SaHandOff
 *
 * Returns: (transfer none) (nullable) (array zero-terminated=1): the User
 *   Emails of procedure 3 ("Add Users to the Account"), or %NULL
 */
const char * const *
sa_hand_off_get_user_emails (SaHandOff *self)
{
  g_return_val_if_fail (SA_IS_HAND_OFF (self), NULL);
  return (const char * const *) self->user_emails;
}

/**
 * sa_hand_off_set_user_emails:
 * @self: an #SaHandOff
 * @emails: (nullable) (array zero-terminated=1): e-mail addresses (no line
 *   breaks in them)
 *
 * Sets the User Emails of procedure 3; "user-emails" is notified.
 */
void
sa_hand_off_set_user_emails (SaHandOff          *self,
                             const char * const *emails)
{
  g_return_if_fail (SA_IS_HAND_OFF (self));

  if (emails != NULL && emails[0] == NULL)
    emails = NULL;
  if (self->user_emails == NULL && emails == NULL)
    return;
  if (self->user_emails != NULL && emails != NULL &&
      g_strv_equal ((const char * const *) self->user_emails, emails))
    return;

  g_strfreev (self->user_emails);
  self->user_emails = g_strdupv ((char **) emails);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USER_EMAILS]);
}

/**
 * sa_hand_off_get_slot:
 * @self: an #SaHandOff
 *
 * Returns: which of the order's Smart Accounts the hand-off sets
 */
SaHandOffSlot
sa_hand_off_get_slot (SaHandOff *self)
{
  g_return_val_if_fail (SA_IS_HAND_OFF (self), SA_HAND_OFF_SLOT_NONE);
  return self->slot;
}

/**
 * sa_hand_off_set_slot:
 * @self: an #SaHandOff
 * @slot: End Customer or Holding (procedures 1 and 2)
 *
 * Sets which Smart Account of the order is set; "slot" is notified.
 */
void
sa_hand_off_set_slot (SaHandOff     *self,
                      SaHandOffSlot  slot)
{
  g_return_if_fail (SA_IS_HAND_OFF (self));

  if (self->slot == slot)
    return;

  self->slot = slot;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SLOT]);
}

/**
 * sa_hand_off_get_account_pending:
 * @self: an #SaHandOff
 *
 * Returns: %TRUE while the chosen Smart Account is known to be Pending (the
 *   watch then looks for it to turn Active: licenses come only then)
 */
gboolean
sa_hand_off_get_account_pending (SaHandOff *self)
{
  g_return_val_if_fail (SA_IS_HAND_OFF (self), FALSE);
  return self->account_pending;
}

/**
 * sa_hand_off_set_account_pending:
 * @self: an #SaHandOff
 * @pending: whether the chosen Smart Account is Pending
 *
 * Set by the UI from the account search when preparing procedures 1 and 2,
 * and cleared by the watch once the account is Active.
 */
void
sa_hand_off_set_account_pending (SaHandOff *self,
                                 gboolean   pending)
{
  g_return_if_fail (SA_IS_HAND_OFF (self));

  pending = !!pending;
  if (self->account_pending == (guint) pending)
    return;

  self->account_pending = pending;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT_PENDING]);
}

/**
 * sa_hand_off_needs_transfer:
 * @self: an #SaHandOff
 *
 * Returns: %TRUE when the intended Virtual Account differs from the one
 *   chosen in the portal (DEFAULT for a double-byte name): the licenses must
 *   then be transferred once they arrive
 */
gboolean
sa_hand_off_needs_transfer (SaHandOff *self)
{
  const char *intended;

  g_return_val_if_fail (SA_IS_HAND_OFF (self), FALSE);

  intended = self->fields[SA_HAND_OFF_FIELD_INTENDED_VIRTUAL_ACCOUNT];
  return intended != NULL &&
         g_strcmp0 (intended, self->fields[SA_HAND_OFF_FIELD_VIRTUAL_ACCOUNT]) != 0;
}

/**
 * sa_hand_off_get_created:
 * @self: an #SaHandOff
 *
 * Returns: (transfer none): when it was prepared, in UTC
 */
GDateTime *
sa_hand_off_get_created (SaHandOff *self)
{
  g_return_val_if_fail (SA_IS_HAND_OFF (self), NULL);
  return self->created;
}

/**
 * sa_hand_off_set_created:
 * @self: an #SaHandOff
 * @when: when it was prepared
 *
 * For the journal only (sa-journal-private.h), reading a row back.
 */
void
sa_hand_off_set_created (SaHandOff *self,
                         GDateTime *when)
{
  g_return_if_fail (SA_IS_HAND_OFF (self));
  g_return_if_fail (when != NULL);

  g_date_time_unref (self->created);
  self->created = g_date_time_to_utc (when);
}

/**
 * sa_hand_off_get_handed_off:
 * @self: an #SaHandOff
 *
 * Returns: (transfer none) (nullable): when the user said it was done in the
 *   portal (the start of the 90-day and 7-day counts), or %NULL for a draft
 */
GDateTime *
sa_hand_off_get_handed_off (SaHandOff *self)
{
  g_return_val_if_fail (SA_IS_HAND_OFF (self), NULL);
  return self->handed_off;
}

/**
 * sa_hand_off_set_handed_off:
 * @self: an #SaHandOff
 * @when: (nullable): when it was done in the portal (kept in UTC, to the
 *   second)
 *
 * Sets the hand-off date; "handed-off" is notified.
 */
void
sa_hand_off_set_handed_off (SaHandOff *self,
                            GDateTime *when)
{
  g_return_if_fail (SA_IS_HAND_OFF (self));

  g_clear_pointer (&self->handed_off, g_date_time_unref);
  if (when != NULL)
    self->handed_off = g_date_time_new_from_unix_utc (g_date_time_to_unix (when));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HANDED_OFF]);
}

/**
 * sa_hand_off_get_last_checked:
 * @self: an #SaHandOff
 *
 * Returns: (transfer none) (nullable): when the watch last read its state
 *   successfully, or %NULL
 */
GDateTime *
sa_hand_off_get_last_checked (SaHandOff *self)
{
  g_return_val_if_fail (SA_IS_HAND_OFF (self), NULL);
  return self->last_checked;
}

/**
 * sa_hand_off_set_last_checked:
 * @self: an #SaHandOff
 * @when: (nullable): when the watch read it
 *
 * Set by the watch after each successful check; "last-checked" is notified.
 */
void
sa_hand_off_set_last_checked (SaHandOff *self,
                              GDateTime *when)
{
  g_return_if_fail (SA_IS_HAND_OFF (self));

  g_clear_pointer (&self->last_checked, g_date_time_unref);
  if (when != NULL)
    self->last_checked = g_date_time_new_from_unix_utc (g_date_time_to_unix (when));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_CHECKED]);
}

/**
 * sa_hand_off_get_notices:
 * @self: an #SaHandOff
 *
 * Returns: the watch's signals already given for it
 */
SaHandOffNotices
sa_hand_off_get_notices (SaHandOff *self)
{
  g_return_val_if_fail (SA_IS_HAND_OFF (self), SA_HAND_OFF_NOTICE_NONE);
  return self->notices;
}

/**
 * sa_hand_off_add_notice:
 * @self: an #SaHandOff
 * @notice: one signal (or several) the watch is about to give
 *
 * Marks @notice given; "notices" is notified on a change.
 *
 * Returns: %TRUE when one of them was not given before (the signal is due)
 */
gboolean
sa_hand_off_add_notice (SaHandOff        *self,
                        SaHandOffNotices  notice)
{
  g_return_val_if_fail (SA_IS_HAND_OFF (self), FALSE);

  if ((self->notices & notice) == notice)
    return FALSE;

  self->notices |= notice;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTICES]);
  return TRUE;
}

/**
 * sa_hand_off_set_notices:
 * @self: an #SaHandOff
 * @notices: the signals given, as the journal kept them
 *
 * For the journal only (sa-journal-private.h), reading a row back.
 */
void
sa_hand_off_set_notices (SaHandOff        *self,
                         SaHandOffNotices  notices)
{
  g_return_if_fail (SA_IS_HAND_OFF (self));
  self->notices = notices;
}

/**
 * sa_hand_off_get_observations:
 * @self: an #SaHandOff
 *
 * Returns: (transfer none): a #GListModel of #SaHandOffObservation, oldest
 *   first
 */
GListModel *
sa_hand_off_get_observations (SaHandOff *self)
{
  g_return_val_if_fail (SA_IS_HAND_OFF (self), NULL);
  return G_LIST_MODEL (self->observations);
}

/**
 * sa_hand_off_add_observation:
 * @self: an #SaHandOff
 * @observation: what was seen (its id 0: sa_journal_update_async() writes it)
 *
 * Appends @observation to the history.
 */
void
sa_hand_off_add_observation (SaHandOff            *self,
                             SaHandOffObservation *observation)
{
  g_return_if_fail (SA_IS_HAND_OFF (self));
  g_return_if_fail (SA_IS_HAND_OFF_OBSERVATION (observation));

  g_list_store_append (self->observations, observation);
}

/**
 * sa_hand_off_find_observation:
 * @self: an #SaHandOff
 * @kind: a kind of observation
 *
 * Returns: (transfer none) (nullable): the latest observation of @kind, or
 *   %NULL when there is none
 */
SaHandOffObservation *
sa_hand_off_find_observation (SaHandOff         *self,
                              SaObservationKind  kind)
{
  GListModel *model;

  g_return_val_if_fail (SA_IS_HAND_OFF (self), NULL);

  model = G_LIST_MODEL (self->observations);
  for (guint i = g_list_model_get_n_items (model); i > 0; i--)
    {
      g_autoptr(SaHandOffObservation) observation = g_list_model_get_item (model, i - 1);

      if (sa_hand_off_observation_get_kind (observation) == kind)
        return observation; /* the store keeps its reference */
    }

  return NULL;
}
