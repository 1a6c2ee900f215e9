/* sa-hand-off-observation.c — one thing the watch saw about a hand-off, and when
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sa-hand-off-observation.h"
#include "sa-journal-private.h"

struct _SaHandOffObservation
{
  GObject            parent_instance;

  gint64             id;
  SaObservationKind  kind;
  GDateTime         *seen;
  char              *domain;
  char              *virtual_account;
  char              *text;
  gint64             quantity;
};

G_DEFINE_FINAL_TYPE (SaHandOffObservation, sa_hand_off_observation, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (SaObservationKind, sa_observation_kind,
  G_DEFINE_ENUM_VALUE (SA_OBSERVATION_ORDER_STATUS, "order-status"),
  G_DEFINE_ENUM_VALUE (SA_OBSERVATION_ORDER_SHIPPED, "order-shipped"),
  G_DEFINE_ENUM_VALUE (SA_OBSERVATION_ACCOUNT_PENDING, "account-pending"),
  G_DEFINE_ENUM_VALUE (SA_OBSERVATION_ACCOUNT_ACTIVE, "account-active"),
  G_DEFINE_ENUM_VALUE (SA_OBSERVATION_LICENSES_ARRIVED, "licenses-arrived"),
  G_DEFINE_ENUM_VALUE (SA_OBSERVATION_LICENSES_IN_DEFAULT, "licenses-in-default"),
  G_DEFINE_ENUM_VALUE (SA_OBSERVATION_LICENSES_ELSEWHERE, "licenses-elsewhere"),
  G_DEFINE_ENUM_VALUE (SA_OBSERVATION_TRANSFER_DONE, "transfer-done"),
  G_DEFINE_ENUM_VALUE (SA_OBSERVATION_TRANSFER_FAILED, "transfer-failed"),
  G_DEFINE_ENUM_VALUE (SA_OBSERVATION_ACCESS_GRANTED, "access-granted"),
  G_DEFINE_ENUM_VALUE (SA_OBSERVATION_DAYS_LEFT, "days-left"),
  G_DEFINE_ENUM_VALUE (SA_OBSERVATION_EXPIRED, "expired"),
  G_DEFINE_ENUM_VALUE (SA_OBSERVATION_REMINDER_SUGGESTED, "reminder-suggested"))

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_SEEN,
  PROP_DOMAIN,
  PROP_VIRTUAL_ACCOUNT,
  PROP_QUANTITY,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sa_hand_off_observation_finalize (GObject *object)
{
  SaHandOffObservation *self = SA_HAND_OFF_OBSERVATION (object);

  g_clear_pointer (&self->seen, g_date_time_unref);
  g_free (self->domain);
  g_free (self->virtual_account);
  g_free (self->text);

  G_OBJECT_CLASS (sa_hand_off_observation_parent_class)->finalize (object);
}

static void
sa_hand_off_observation_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  SaHandOffObservation *self = SA_HAND_OFF_OBSERVATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_SEEN:
      g_value_set_boxed (value, self->seen);
      break;
    case PROP_DOMAIN:
      g_value_set_string (value, self->domain);
      break;
    case PROP_VIRTUAL_ACCOUNT:
      g_value_set_string (value, self->virtual_account);
      break;
    case PROP_QUANTITY:
      g_value_set_int64 (value, self->quantity);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sa_hand_off_observation_class_init (SaHandOffObservationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sa_hand_off_observation_finalize;
  object_class->get_property = sa_hand_off_observation_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, SA_TYPE_OBSERVATION_KIND, SA_OBSERVATION_ORDER_STATUS,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEEN] =
    g_param_spec_boxed ("seen", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DOMAIN] =
    g_param_spec_string ("domain", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_VIRTUAL_ACCOUNT] =
    g_param_spec_string ("virtual-account", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_QUANTITY] =
    g_param_spec_int64 ("quantity", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sa_hand_off_observation_init (SaHandOffObservation *self)
{
}

/**
 * sa_hand_off_observation_new:
 * @kind: what was seen
 * @seen: when (any time zone; kept in UTC, to the second)
 *
 * An observation without details (the order shipped, the request expired…).
 *
 * Returns: (transfer full): a new #SaHandOffObservation
 */
SaHandOffObservation *
sa_hand_off_observation_new (SaObservationKind  kind,
                             GDateTime         *seen)
{
  return sa_hand_off_observation_new_full (kind, seen, NULL, NULL, 0, NULL);
}

/**
 * sa_hand_off_observation_new_full:
 * @kind: what was seen
 * @seen: when (any time zone; kept in UTC, to the second)
 * @domain: (nullable): the Smart Account's Domain Identifier it is about
 * @virtual_account: (nullable): the Virtual Account it is about
 * @quantity: how many licenses, or days left; 0 when none
 * @text: (nullable): the status text, license names, roles or message
 *
 * An observation with its details, as the watch records it after a read of
 * Cisco's APIs (the journal's history of a hand-off).
 *
 * Returns: (transfer full): a new #SaHandOffObservation
 */
SaHandOffObservation *
sa_hand_off_observation_new_full (SaObservationKind  kind,
                                  GDateTime         *seen,
                                  const char        *domain,
                                  const char        *virtual_account,
                                  gint64             quantity,
                                  const char        *text)
{
  SaHandOffObservation *self;

  g_return_val_if_fail (seen != NULL, NULL);

  self = g_object_new (SA_TYPE_HAND_OFF_OBSERVATION, NULL);
  self->kind = kind;
  self->seen = g_date_time_new_from_unix_utc (g_date_time_to_unix (seen));
  self->domain = g_strdup (domain);
  self->virtual_account = g_strdup (virtual_account);
  self->quantity = quantity;
  self->text = g_strdup (text);

  return self;
}

/**
 * sa_hand_off_observation_get_id:
 * @self: an #SaHandOffObservation
 *
 * Returns: its row in the journal, or 0 while it is not stored yet
 */
gint64
sa_hand_off_observation_get_id (SaHandOffObservation *self)
{
  g_return_val_if_fail (SA_IS_HAND_OFF_OBSERVATION (self), 0);
  return self->id;
}

/**
 * sa_hand_off_observation_set_id:
 * @self: an #SaHandOffObservation
 * @id: its row in the journal
 *
 * For the journal only (sa-journal-private.h), once the row is written.
 */
void
sa_hand_off_observation_set_id (SaHandOffObservation *self,
                                gint64                id)
{
  g_return_if_fail (SA_IS_HAND_OFF_OBSERVATION (self));
  self->id = id;
}

/**
 * sa_hand_off_observation_get_kind:
 * @self: an #SaHandOffObservation
 *
 * Returns: what was seen
 */
SaObservationKind
sa_hand_off_observation_get_kind (SaHandOffObservation *self)
{
  g_return_val_if_fail (SA_IS_HAND_OFF_OBSERVATION (self), SA_OBSERVATION_ORDER_STATUS);
  return self->kind;
}

/**
 * sa_hand_off_observation_get_seen:
 * @self: an #SaHandOffObservation
 *
 * Returns: (transfer none): when it was seen, in UTC
 */
GDateTime *
sa_hand_off_observation_get_seen (SaHandOffObservation *self)
{
  g_return_val_if_fail (SA_IS_HAND_OFF_OBSERVATION (self), NULL);
  return self->seen;
}

/**
 * sa_hand_off_observation_get_domain:
 * @self: an #SaHandOffObservation
 *
 * Returns: (nullable): the Domain Identifier of the Smart Account concerned
 */
const char *
sa_hand_off_observation_get_domain (SaHandOffObservation *self)
{
  g_return_val_if_fail (SA_IS_HAND_OFF_OBSERVATION (self), NULL);
  return self->domain;
}

/**
 * sa_hand_off_observation_get_virtual_account:
 * @self: an #SaHandOffObservation
 *
 * Returns: (nullable): the Virtual Account concerned, as the back end names it
 */
const char *
sa_hand_off_observation_get_virtual_account (SaHandOffObservation *self)
{
  g_return_val_if_fail (SA_IS_HAND_OFF_OBSERVATION (self), NULL);
  return self->virtual_account;
}

/**
 * sa_hand_off_observation_get_quantity:
 * @self: an #SaHandOffObservation
 *
 * Returns: how many licenses (arrived, transferred) or days left; 0 when none
 */
gint64
sa_hand_off_observation_get_quantity (SaHandOffObservation *self)
{
  g_return_val_if_fail (SA_IS_HAND_OFF_OBSERVATION (self), 0);
  return self->quantity;
}

/**
 * sa_hand_off_observation_get_text:
 * @self: an #SaHandOffObservation
 *
 * Returns: (nullable): the order status text, license names, roles or the
 *   refusal's message, as recorded (not translated again later)
 */
const char *
sa_hand_off_observation_get_text (SaHandOffObservation *self)
{
  g_return_val_if_fail (SA_IS_HAND_OFF_OBSERVATION (self), NULL);
  return self->text;
}

static const char *
or_empty (const char *str)
{
  return str != NULL ? str : "";
}

/**
 * sa_hand_off_observation_dup_summary:
 * @self: an #SaHandOffObservation
 *
 * One translated sentence for the entry's history and the CSV export, in the
 * UI language of the moment ("The order has shipped.", "12 licenses arrived
 * in acme.example, Virtual Account Tokyo.").
 *
 * Returns: (transfer full): the sentence; free with g_free()
 */
char *
sa_hand_off_observation_dup_summary (SaHandOffObservation *self)
{
  g_autofree char *count = NULL;
  gulong n;

  g_return_val_if_fail (SA_IS_HAND_OFF_OBSERVATION (self), NULL);

  count = g_strdup_printf ("%" G_GINT64_FORMAT, self->quantity);
  n = (gulong) CLAMP (self->quantity, 0, G_MAXLONG);

  switch (self->kind)
    {
    case SA_OBSERVATION_ORDER_STATUS:
      /* Translators: %s is the order's status as Cisco writes it ("Booked") */
      return g_strdup_printf (_("Order status: %s."), or_empty (self->text));
    case SA_OBSERVATION_ORDER_SHIPPED:
      return g_strdup (_("The order has shipped."));
    case SA_OBSERVATION_ACCOUNT_PENDING:
      /* Translators: %s is a Smart Account's Domain Identifier */
      return g_strdup_printf (_("The Smart Account %s is Pending."), or_empty (self->domain));
    case SA_OBSERVATION_ACCOUNT_ACTIVE:
      /* Translators: %s is a Smart Account's Domain Identifier */
      return g_strdup_printf (_("The Smart Account %s is Active."), or_empty (self->domain));
    case SA_OBSERVATION_LICENSES_ARRIVED:
      /* Translators: %1$s is a number of licenses, %2$s a Domain Identifier, %3$s a Virtual Account */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%1$s license arrived in %2$s, Virtual Account %3$s.",
                                           "%1$s licenses arrived in %2$s, Virtual Account %3$s.", n),
                              count, or_empty (self->domain), or_empty (self->virtual_account));
    case SA_OBSERVATION_LICENSES_IN_DEFAULT:
      /* Translators: %1$s is a number of licenses, %2$s a Domain Identifier, %3$s a Virtual Account (DEFAULT) */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%1$s license arrived in %2$s, Virtual Account %3$s, and can be transferred to the intended Virtual Account.",
                                           "%1$s licenses arrived in %2$s, Virtual Account %3$s, and can be transferred to the intended Virtual Account.", n),
                              count, or_empty (self->domain), or_empty (self->virtual_account));
    case SA_OBSERVATION_LICENSES_ELSEWHERE:
      /* Translators: %1$s is a number of licenses, %2$s a Domain Identifier, %3$s a Virtual Account */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%1$s license from this order is in %2$s, Virtual Account %3$s, not where it was assigned.",
                                           "%1$s licenses from this order are in %2$s, Virtual Account %3$s, not where they were assigned.", n),
                              count, or_empty (self->domain), or_empty (self->virtual_account));
    case SA_OBSERVATION_TRANSFER_DONE:
      /* Translators: %1$s is a number of licenses, %2$s a Virtual Account */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%1$s license transferred to the Virtual Account %2$s.",
                                           "%1$s licenses transferred to the Virtual Account %2$s.", n),
                              count, or_empty (self->virtual_account));
    case SA_OBSERVATION_TRANSFER_FAILED:
      /* Translators: %s is the reason, a translated sentence */
      return g_strdup_printf (_("The license transfer failed: %s"), or_empty (self->text));
    case SA_OBSERVATION_ACCESS_GRANTED:
      /* Translators: %1$s is a Domain Identifier, %2$s the roles, as Cisco names them */
      return g_strdup_printf (_("Access granted to %1$s (%2$s)."),
                              or_empty (self->domain), or_empty (self->text));
    case SA_OBSERVATION_DAYS_LEFT:
      /* Translators: %s is a number of days */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%s day left for the customer to accept the Smart Account.",
                                           "%s days left for the customer to accept the Smart Account.", n),
                              count);
    case SA_OBSERVATION_EXPIRED:
      return g_strdup (_("The request expired: the customer did not accept within 90 days. Request the Smart Account again."));
    case SA_OBSERVATION_REMINDER_SUGGESTED:
      return g_strdup (_("No answer after 7 days: send the administrators a reminder from Your Access Requests."));
    default:
      return g_strdup ("");
    }
}

/**
 * sa_observation_kind_to_string:
 * @kind: an #SaObservationKind
 *
 * Returns: (transfer none): the name kept in the journal ("order-shipped"),
 *   or %NULL for an invalid value
 */
const char *
sa_observation_kind_to_string (SaObservationKind kind)
{
  return sa_journal_enum_to_nick (SA_TYPE_OBSERVATION_KIND, kind);
}

/**
 * sa_observation_kind_from_string:
 * @str: (nullable): a name kept in the journal
 * @kind: (out): the kind
 *
 * Returns: %FALSE for an unknown name (@kind untouched)
 */
gboolean
sa_observation_kind_from_string (const char        *str,
                                 SaObservationKind *kind)
{
  int value;

  if (!sa_journal_enum_from_nick (SA_TYPE_OBSERVATION_KIND, str, &value))
    return FALSE;

  *kind = value;
  return TRUE;
}
