/* sa-watch-notifier.c — the watch's news as desktop notifications
 *
 * Issue 10, "Watching": each signal of #SaWatch (licenses arrived, or landed
 * elsewhere and where; a Pending account now Active; a Smart Account request
 * with 14 or 3 days left, Active, or expired, with the next action; access
 * granted; a reminder suggested after 7 days; licenses ready to move out of
 * DEFAULT) becomes one #GNotification, whose default action opens the entry
 * it is about: app.show-hand-off with the hand-off's id (int64). The watch
 * gives each signal once per hand-off, across restarts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sa-watch-notifier.h"

struct _SaWatchNotifier
{
  GObject       parent_instance;

  GApplication *application;   /* weak */
  SaWatch      *watch;
};

G_DEFINE_FINAL_TYPE (SaWatchNotifier, sa_watch_notifier, G_TYPE_OBJECT)

enum { NOTIFIED, N_SIGNALS };
static guint signals[N_SIGNALS];

/**
 * sa_watch_notifier_dup_id:
 * @hand_off: a hand-off kept in the journal
 *
 * The notification id of @hand_off: a later notice about the same entry
 * replaces the earlier one.
 *
 * Returns: (transfer full): "hand-off-" and the hand-off's id
 */
char *
sa_watch_notifier_dup_id (SaHandOff *hand_off)
{
  g_return_val_if_fail (SA_IS_HAND_OFF (hand_off), NULL);

  return g_strdup_printf ("hand-off-%" G_GINT64_FORMAT, sa_hand_off_get_id (hand_off));
}

/**
 * sa_watch_notifier_get_place:
 * @hand_off: a hand-off
 *
 * The Smart Account a notification names: its Account Name when the
 * hand-off holds it, else its Domain Identifier, else the subject.
 *
 * Returns: (transfer none): the name
 */
const char *
sa_watch_notifier_get_place (SaHandOff *hand_off)
{
  const char *name = sa_hand_off_get_field (hand_off, SA_HAND_OFF_FIELD_ACCOUNT_NAME);

  if (name == NULL || *name == '\0')
    name = sa_hand_off_get_field (hand_off, SA_HAND_OFF_FIELD_DOMAIN);
  if (name == NULL || *name == '\0')
    name = sa_hand_off_get_subject (hand_off);

  return name;
}

static const char *
intended_virtual_account (SaHandOff *hand_off)
{
  const char *va = sa_hand_off_get_field (hand_off, SA_HAND_OFF_FIELD_INTENDED_VIRTUAL_ACCOUNT);

  if (va == NULL || *va == '\0')
    va = sa_hand_off_get_field (hand_off, SA_HAND_OFF_FIELD_VIRTUAL_ACCOUNT);

  return va != NULL ? va : "";
}

/* "Account, Virtual Account" for each distinct place of @licenses. */
static char *
dup_places (GListModel *licenses)
{
  g_autoptr(GPtrArray) places = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; licenses != NULL && i < g_list_model_get_n_items (licenses); i++)
    {
      g_autoptr(SaLicense) license = g_list_model_get_item (licenses, i);
      const char *account = sa_license_get_smart_account_name (license);
      g_autofree char *place = NULL;
      gboolean seen = FALSE;

      if (account == NULL || *account == '\0')
        account = sa_license_get_smart_account_domain (license);
      /* Translators: a place licenses are in: Smart Account, then Virtual Account */
      place = g_strdup_printf (_("%s, Virtual Account %s"), account ? account : "",
                               sa_license_get_virtual_account (license) ? sa_license_get_virtual_account (license) : "");
      for (guint j = 0; j < places->len && !seen; j++)
        seen = g_str_equal (places->pdata[j], place);
      if (!seen)
        g_ptr_array_add (places, g_steal_pointer (&place));
    }
  g_ptr_array_add (places, NULL);

  /* Translators: separates places in a list */
  return g_strjoinv (_("; "), (char **) places->pdata);
}

static void
send (SaWatchNotifier *self,
      SaHandOff       *hand_off,
      const char      *title,
      const char      *body,
      gboolean         remind)
{
  g_autoptr(GNotification) notification = g_notification_new (title);
  g_autofree char *id = sa_watch_notifier_dup_id (hand_off);
  GVariant *target = g_variant_new_int64 (sa_hand_off_get_id (hand_off));

  g_notification_set_body (notification, body);
  g_notification_set_default_action_and_target_value (notification, "app.show-hand-off", target);
  if (remind)
    g_notification_add_button_with_target (notification, _("Open Your Access Requests"),
                                           "app.open-portal", "s", SA_PORTAL_ACCESS_REQUESTS_URI);
  else
    g_notification_add_button_with_target_value (notification, _("Show Entry"), "app.show-hand-off",
                                                 g_variant_new_int64 (sa_hand_off_get_id (hand_off)));

  if (self->application != NULL && g_application_get_is_registered (self->application))
    g_application_send_notification (self->application, id, notification);
  g_debug ("Notification %s: %s", id, title);
  g_signal_emit (self, signals[NOTIFIED], 0, hand_off, id, title, body, notification);
}

static void
on_confirmed (SaWatch         *watch,
              SaHandOff       *hand_off,
              SaWatchNotifier *self)
{
  const char *subject = sa_hand_off_get_subject (hand_off);
  const char *place = sa_watch_notifier_get_place (hand_off);
  g_autofree char *body = NULL;

  switch (sa_hand_off_get_procedure (hand_off))
    {
    case SA_HAND_OFF_ASSIGN_ORDER:
    case SA_HAND_OFF_CHANGE_ASSIGNMENT:
      /* Translators: notification; %s: Sales Order No., Smart Account, Virtual Account */
      body = g_strdup_printf (_("The licenses of order %s arrived in %s, Virtual Account %s."),
                              subject, place, intended_virtual_account (hand_off));
      send (self, hand_off, _("Licenses Arrived"), body, FALSE);
      break;
    case SA_HAND_OFF_LICENSE_TRANSFER:
      /* Translators: notification; %s: Sales Order No., then a Virtual Account */
      body = g_strdup_printf (_("The licenses of order %s are now in Virtual Account %s."),
                              subject, intended_virtual_account (hand_off));
      send (self, hand_off, _("Licenses Moved"), body, FALSE);
      break;
    case SA_HAND_OFF_REQUEST_SMART_ACCOUNT:
      /* Translators: notification; %s is an Account Name */
      body = g_strdup_printf (_("The customer accepted “%s”: the Smart Account is Active."), place);
      send (self, hand_off, _("Smart Account Active"), body, FALSE);
      break;
    case SA_HAND_OFF_REQUEST_ACCESS:
    default:
      /* Translators: notification; %s is a Smart Account name */
      body = g_strdup_printf (_("You now have access to the Smart Account “%s”."), place);
      send (self, hand_off, _("Access Granted"), body, FALSE);
      break;
    }
}

static void
on_account_active (SaWatch         *watch,
                   SaHandOff       *hand_off,
                   SaWatchNotifier *self)
{
  g_autofree char *body = NULL;

  /* Translators: notification; %s: a Smart Account, then a Sales Order No. */
  body = g_strdup_printf (_("“%s”, chosen for order %s, is now Active: the order's licenses can arrive."),
                          sa_watch_notifier_get_place (hand_off), sa_hand_off_get_subject (hand_off));
  send (self, hand_off, _("Smart Account Active"), body, FALSE);
}

static void
on_landed_elsewhere (SaWatch         *watch,
                     SaHandOff       *hand_off,
                     GListModel      *licenses,
                     SaWatchNotifier *self)
{
  g_autofree char *places = dup_places (licenses);
  g_autofree char *body = NULL;

  /* Translators: notification; %s: Sales Order No., then where the licenses are */
  body = g_strdup_printf (_("The licenses of order %s arrived elsewhere than prepared: in %s."),
                          sa_hand_off_get_subject (hand_off), places);
  send (self, hand_off, _("Licenses Landed Elsewhere"), body, FALSE);
}

static void
on_transfer_ready (SaWatch         *watch,
                   SaHandOff       *hand_off,
                   GListModel      *licenses,
                   SaWatchNotifier *self)
{
  g_autofree char *body = NULL;

  /* Translators: notification; %s: Sales Order No., then a Virtual Account */
  body = g_strdup_printf (_("The licenses of order %s are in DEFAULT. Open the entry to move them to Virtual Account %s."),
                          sa_hand_off_get_subject (hand_off), intended_virtual_account (hand_off));
  send (self, hand_off, _("Licenses Ready to Move"), body, FALSE);
}

static void
on_expiry_near (SaWatch         *watch,
                SaHandOff       *hand_off,
                guint            days,
                SaWatchNotifier *self)
{
  const char *email = sa_hand_off_get_field (hand_off, SA_HAND_OFF_FIELD_CUSTOMER_EMAIL);
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;

  /* Translators: notification title; %u is a number of days */
  title = g_strdup_printf (ngettext ("Smart Account Request: %u Day Left",
                             "Smart Account Request: %u Days Left", days), days);
  /* Translators: notification; %s: an Account Name, then the Customer Email */
  body = g_strdup_printf (_("The customer has not accepted “%s” yet. Ask them to accept it (%s) before it expires."),
                          sa_watch_notifier_get_place (hand_off), email ? email : "");
  send (self, hand_off, title, body, FALSE);
}

static void
on_expired (SaWatch         *watch,
            SaHandOff       *hand_off,
            SaWatchNotifier *self)
{
  g_autofree char *body = NULL;

  /* Translators: notification; %s is an Account Name */
  body = g_strdup_printf (_("The customer did not accept “%s” within 90 days. Request the Smart Account again."),
                          sa_watch_notifier_get_place (hand_off));
  send (self, hand_off, _("Smart Account Request Expired"), body, FALSE);
}

static void
on_suggest_reminder (SaWatch         *watch,
                     SaHandOff       *hand_off,
                     SaWatchNotifier *self)
{
  g_autofree char *body = NULL;

  /* Translators: notification; %s is a Smart Account name */
  body = g_strdup_printf (_("After 7 days you still have no access to “%s”. Send the administrators a reminder "
                            "from Your Access Requests in Cisco Software Central."),
                          sa_watch_notifier_get_place (hand_off));
  send (self, hand_off, _("No Answer to Your Access Request"), body, TRUE);
}

static void
sa_watch_notifier_dispose (GObject *object)
{
  SaWatchNotifier *self = SA_WATCH_NOTIFIER (object);

  if (self->watch != NULL)
    g_signal_handlers_disconnect_by_data (self->watch, self);
  g_clear_object (&self->watch);
  g_clear_weak_pointer (&self->application);

  G_OBJECT_CLASS (sa_watch_notifier_parent_class)->dispose (object);
}

static void
sa_watch_notifier_class_init (SaWatchNotifierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sa_watch_notifier_dispose;

  /**
   * SaWatchNotifier::notified:
   * @self: the notifier
   * @hand_off: the entry the notification is about
   * @id: the notification's id
   * @title: its title (translated)
   * @body: its text (translated)
   * @notification: the notification sent
   *
   * A notification was sent (or would have been: the application is not
   * registered).
   */
  signals[NOTIFIED] = g_signal_new ("notified", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 5,
                                    SA_TYPE_HAND_OFF, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING,
                                    G_TYPE_NOTIFICATION);
}

static void
sa_watch_notifier_init (SaWatchNotifier *self)
{
}

/**
 * sa_watch_notifier_new:
 * @application: (nullable): the application that sends the notifications
 *   (kept weakly; unregistered or %NULL: only "notified" is emitted)
 * @watch: the watch whose signals become notifications
 *
 * Issue 10, "Watching": "Notifications through GNotification, each opening
 * the entry it is about". Disconnects from @watch when finalized.
 *
 * Returns: (transfer full): the notifier
 */
SaWatchNotifier *
sa_watch_notifier_new (GApplication *application,
                       SaWatch      *watch)
{
  SaWatchNotifier *self;

  g_return_val_if_fail (application == NULL || G_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (SA_IS_WATCH (watch), NULL);

  self = g_object_new (SA_TYPE_WATCH_NOTIFIER, NULL);
  g_set_weak_pointer (&self->application, application);
  self->watch = g_object_ref (watch);
  g_signal_connect (watch, "confirmed", G_CALLBACK (on_confirmed), self);
  g_signal_connect (watch, "account-active", G_CALLBACK (on_account_active), self);
  g_signal_connect (watch, "landed-elsewhere", G_CALLBACK (on_landed_elsewhere), self);
  g_signal_connect (watch, "transfer-ready", G_CALLBACK (on_transfer_ready), self);
  g_signal_connect (watch, "expiry-near", G_CALLBACK (on_expiry_near), self);
  g_signal_connect (watch, "expired", G_CALLBACK (on_expired), self);
  g_signal_connect (watch, "suggest-reminder", G_CALLBACK (on_suggest_reminder), self);

  return self;
}
