/* sa-access-request-row.c — one request in Your Access Requests
 *
 * The troubleshooting part of "How to request access to an existing Smart
 * Account": each request with its Smart Account, when it was sent (and
 * answered, or last reminded), and its status. While it is pending the row
 * offers "Send a reminder" (the view's "access.remind" action, the request
 * id as target) when one is allowed, and otherwise says when the next one
 * is: the next day after a reminder, or a few minutes after sending for a
 * request just sent (the view says when, SaAccessRequestRow:reminder-from);
 * in training mode, a menu with which a trainer plays the administrator
 * ("access.decide").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sa-accessible-names.h"

#include <glib/gi18n.h>

#include "sa-access-request-row.h"
#include "sa-status-pill.h"
#include "sa-ui-util.h"

struct _SaAccessRequestRow
{
  AdwActionRow     parent_instance;

  SaAccessRequest *request;
  GDateTime       *next_reminder;
  GDateTime       *reminder_from;
  gboolean         training;
  gboolean         busy;

  SaStatusPill    *status_pill;
  GtkButton       *remind_button;
  GtkButton       *request_again_button;
  GtkLabel        *next_label;
  GtkMenuButton   *training_button;
};

G_DEFINE_FINAL_TYPE (SaAccessRequestRow, sa_access_request_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_REQUEST,
  PROP_TRAINING,
  PROP_NEXT_REMINDER,
  PROP_BUSY,
  PROP_REMINDER_TEXT,
  PROP_REMINDER_FROM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
dup_date_time (GDateTime *date_time)
{
  return date_time != NULL ? sa_ui_format_date_time (date_time) : g_strdup ("—");
}

static char *
dup_subtitle (SaAccessRequest *request)
{
  SaSmartAccount *account = sa_access_request_get_smart_account (request);
  const char *domain = account ? sa_smart_account_get_domain (account) : "";
  g_autofree char *created = dup_date_time (sa_access_request_get_created_date (request));

  if (sa_access_request_get_status (request) != SA_ACCESS_REQUEST_STATUS_PENDING &&
      sa_access_request_get_decided_date (request) != NULL)
    {
      g_autofree char *decided = dup_date_time (sa_access_request_get_decided_date (request));

      /* Translators: a row in Your Access Requests: %1$s the Smart Account's domain,
       * %2$s when the request was sent, %3$s when the administrators answered */
      return g_strdup_printf (_("%1$s · Requested on %2$s · Answered on %3$s"), domain, created, decided);
    }

  if (sa_access_request_get_last_reminder_date (request) != NULL)
    {
      g_autofree char *last = dup_date_time (sa_access_request_get_last_reminder_date (request));
      g_autofree char *reminded = NULL;

      /* Translators: part of a row in Your Access Requests */
      reminded = g_strdup_printf (_("Last reminder sent on %s"), last);
      /* Translators: a row in Your Access Requests: %1$s the Smart Account's domain,
       * %2$s when the request was sent, %3$s "Last reminder sent on …" */
      return g_strdup_printf (_("%1$s · Requested on %2$s · %3$s"), domain, created, reminded);
    }

  /* Translators: a row in Your Access Requests: %1$s the Smart Account's domain,
   * %2$s when the request was sent */
  return g_strdup_printf (_("%1$s · Requested on %2$s"), domain, created);
}

static GMenuModel *
build_training_menu (const char *id)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) section = g_menu_new ();
  g_autoptr(GMenuItem) approve = g_menu_item_new (_("Administrator approves"), NULL);
  g_autoptr(GMenuItem) deny = g_menu_item_new (_("Administrator denies"), NULL);

  g_menu_item_set_action_and_target_value (approve, "access.decide", g_variant_new ("(sb)", id, TRUE));
  g_menu_item_set_action_and_target_value (deny, "access.decide", g_variant_new ("(sb)", id, FALSE));
  g_menu_append_item (section, approve);
  g_menu_append_item (section, deny);
  /* Translators: heading of the training-only menu of a pending access request */
  g_menu_append_section (menu, _("Training only: play the administrator"), G_MENU_MODEL (section));

  return G_MENU_MODEL (g_steal_pointer (&menu));
}

static void
update (SaAccessRequestRow *self)
{
  SaSmartAccount *account;
  const char *id;
  gboolean pending;
  g_autofree char *subtitle = NULL;
  g_autofree char *next_text = NULL;
  const char *next_why = NULL;

  if (self->request == NULL)
    return;

  account = sa_access_request_get_smart_account (self->request);
  id = sa_access_request_get_id (self->request);
  pending = sa_access_request_get_status (self->request) == SA_ACCESS_REQUEST_STATUS_PENDING;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), account ? sa_smart_account_get_name (account) : id);
  subtitle = dup_subtitle (self->request);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
  sa_status_pill_set_access_request_status (self->status_pill, sa_access_request_get_status (self->request));

  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->remind_button), "s", id);
  gtk_widget_set_visible (GTK_WIDGET (self->remind_button),
                          pending && self->next_reminder == NULL && self->reminder_from == NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->remind_button), !self->busy);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->request_again_button), "s", id);
  gtk_widget_set_visible (GTK_WIDGET (self->request_again_button),
                          sa_access_request_get_status (self->request) == SA_ACCESS_REQUEST_STATUS_DENIED);

  if (pending && self->next_reminder != NULL)
    {
      g_autofree char *when = dup_date_time (self->next_reminder);

      /* Translators: instead of "Send a reminder" while one was sent less than 24 hours ago */
      next_text = g_strdup_printf (_("Next reminder possible on %s"), when);
    }
  else if (pending && self->reminder_from != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (self->reminder_from);
      g_autofree char *time = g_date_time_format (local, "%H:%M");

      /* Translators: instead of "Send a reminder" in the first minutes after
       * the request was sent (the administrators have just been told); %s is
       * a time, "14:35" */
      next_text = g_strdup_printf (_("You can send a reminder from %s"), time);
      /* Translators: why a request just sent offers no reminder yet */
      next_why = _("Your request has just reached the administrators: give them a few minutes before reminding them.");
    }
  gtk_label_set_text (self->next_label, next_text ? next_text : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->next_label), next_why);
  gtk_widget_set_visible (GTK_WIDGET (self->next_label), next_text != NULL);

  gtk_widget_set_visible (GTK_WIDGET (self->training_button), self->training && pending);
  if (self->training && pending)
    {
      g_autoptr(GMenuModel) menu = build_training_menu (id);

      gtk_menu_button_set_menu_model (self->training_button, menu);
    }
}

static void
sa_access_request_row_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  SaAccessRequestRow *self = SA_ACCESS_REQUEST_ROW (object);

  switch (prop_id)
    {
    case PROP_REQUEST:
      g_value_set_object (value, self->request);
      break;
    case PROP_TRAINING:
      g_value_set_boolean (value, self->training);
      break;
    case PROP_NEXT_REMINDER:
      g_value_set_boxed (value, self->next_reminder);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    case PROP_REMINDER_TEXT:
      g_value_set_string (value, sa_access_request_row_get_reminder_text (self));
      break;
    case PROP_REMINDER_FROM:
      g_value_set_boxed (value, self->reminder_from);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sa_access_request_row_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  SaAccessRequestRow *self = SA_ACCESS_REQUEST_ROW (object);

  switch (prop_id)
    {
    case PROP_REQUEST:
      g_set_object (&self->request, g_value_get_object (value));
      break;
    case PROP_TRAINING:
      self->training = g_value_get_boolean (value);
      break;
    case PROP_NEXT_REMINDER:
      g_clear_pointer (&self->next_reminder, g_date_time_unref);
      self->next_reminder = g_value_dup_boxed (value);
      break;
    case PROP_BUSY:
      self->busy = g_value_get_boolean (value);
      break;
    case PROP_REMINDER_FROM:
      sa_access_request_row_set_reminder_from (self, g_value_get_boxed (value));
      return;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  update (self);
}

static void
sa_access_request_row_dispose (GObject *object)
{
  SaAccessRequestRow *self = SA_ACCESS_REQUEST_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SA_TYPE_ACCESS_REQUEST_ROW);
  g_clear_object (&self->request);
  g_clear_pointer (&self->next_reminder, g_date_time_unref);
  g_clear_pointer (&self->reminder_from, g_date_time_unref);

  G_OBJECT_CLASS (sa_access_request_row_parent_class)->dispose (object);
}

static void
sa_access_request_row_class_init (SaAccessRequestRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = sa_access_request_row_get_property;
  object_class->set_property = sa_access_request_row_set_property;
  object_class->dispose = sa_access_request_row_dispose;

  /**
   * SaAccessRequestRow:request:
   *
   * The access request shown.
   */
  properties[PROP_REQUEST] =
    g_param_spec_object ("request", NULL, NULL, SA_TYPE_ACCESS_REQUEST,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * SaAccessRequestRow:training:
   *
   * %TRUE in training mode: a pending request offers the administrator's
   * answers.
   */
  properties[PROP_TRAINING] =
    g_param_spec_boolean ("training", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * SaAccessRequestRow:next-reminder:
   *
   * When the next reminder is possible, or %NULL when one is allowed now.
   */
  properties[PROP_NEXT_REMINDER] =
    g_param_spec_boxed ("next-reminder", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * SaAccessRequestRow:busy:
   *
   * %TRUE while a reminder or an answer for the request is under way.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * SaAccessRequestRow:reminder-text:
   *
   * "Next reminder possible on …" (or, for a request just sent, "You can
   * send a reminder from …") while the row shows it instead of "Send a
   * reminder", else %NULL.
   */
  properties[PROP_REMINDER_TEXT] =
    g_param_spec_string ("reminder-text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * SaAccessRequestRow:reminder-from:
   *
   * For a request just sent, when a first reminder becomes possible (by
   * the server's clock): until then the row says so instead of offering
   * "Send a reminder". %NULL otherwise.
   */
  properties[PROP_REMINDER_FROM] =
    g_param_spec_boxed ("reminder-from", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SA_TYPE_STATUS_PILL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               SA_RESOURCE_PATH "/access-requests/sa-access-request-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SaAccessRequestRow, status_pill);
  gtk_widget_class_bind_template_child (widget_class, SaAccessRequestRow, remind_button);
  gtk_widget_class_bind_template_child (widget_class, SaAccessRequestRow, request_again_button);
  gtk_widget_class_bind_template_child (widget_class, SaAccessRequestRow, next_label);
  gtk_widget_class_bind_template_child (widget_class, SaAccessRequestRow, training_button);
}

static void
sa_access_request_row_init (SaAccessRequestRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  sa_accessible_names_follow (GTK_WIDGET (self));
}

/**
 * sa_access_request_row_new:
 * @request: an access request (procedure 4)
 * @training: %TRUE in training mode (a pending request offers the
 *   administrator's answers)
 * @next_reminder: (nullable): when the next reminder is possible (the server
 *   allows one per 24 hours), or %NULL when one is allowed now
 * @reminder_from: (nullable): for a request just sent, when a first
 *   reminder becomes possible (#SaAccessRequestRow:reminder-from), or %NULL
 * @busy: %TRUE while a reminder or an answer is under way
 *
 * Returns: (transfer floating): a new row showing @request
 */
GtkWidget *
sa_access_request_row_new (SaAccessRequest *request,
                           gboolean         training,
                           GDateTime       *next_reminder,
                           GDateTime       *reminder_from,
                           gboolean         busy)
{
  g_return_val_if_fail (SA_IS_ACCESS_REQUEST (request), NULL);

  return g_object_new (SA_TYPE_ACCESS_REQUEST_ROW,
                       "request", request,
                       "training", training,
                       "next-reminder", next_reminder,
                       "reminder-from", reminder_from,
                       "busy", busy,
                       NULL);
}

/**
 * sa_access_request_row_get_request:
 * @self: a #SaAccessRequestRow
 *
 * Returns: (transfer none): the request shown
 */
SaAccessRequest *
sa_access_request_row_get_request (SaAccessRequestRow *self)
{
  g_return_val_if_fail (SA_IS_ACCESS_REQUEST_ROW (self), NULL);

  return self->request;
}

/**
 * sa_access_request_row_get_reminder_button:
 * @self: a #SaAccessRequestRow
 *
 * Returns: (transfer none) (nullable): the "Send a reminder" button, or
 *   %NULL when the row does not offer one (decided, a reminder was sent
 *   less than 24 hours ago, or the request was sent minutes ago)
 */
GtkWidget *
sa_access_request_row_get_reminder_button (SaAccessRequestRow *self)
{
  g_return_val_if_fail (SA_IS_ACCESS_REQUEST_ROW (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->remind_button)) ? GTK_WIDGET (self->remind_button) : NULL;
}

/**
 * sa_access_request_row_get_reminder_text:
 * @self: a #SaAccessRequestRow
 *
 * Returns: (transfer none) (nullable): #SaAccessRequestRow:reminder-text
 */
const char *
sa_access_request_row_get_reminder_text (SaAccessRequestRow *self)
{
  g_return_val_if_fail (SA_IS_ACCESS_REQUEST_ROW (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->next_label)) ? gtk_label_get_text (self->next_label) : NULL;
}

/**
 * sa_access_request_row_set_reminder_from:
 * @self: a #SaAccessRequestRow
 * @reminder_from: (nullable): when a first reminder becomes possible for a
 *   request just sent (UTC or any time zone; shown as a local time), or
 *   %NULL once it is
 *
 * Sets #SaAccessRequestRow:reminder-from ("following the request" part of
 * procedure 4: no reminder in the first minutes after sending). The row
 * offers "Send a reminder" again as soon as it is %NULL, without being
 * built anew.
 */
void
sa_access_request_row_set_reminder_from (SaAccessRequestRow *self,
                                         GDateTime          *reminder_from)
{
  g_return_if_fail (SA_IS_ACCESS_REQUEST_ROW (self));

  if (self->reminder_from == reminder_from ||
      (self->reminder_from != NULL && reminder_from != NULL &&
       g_date_time_equal (self->reminder_from, reminder_from)))
    return;

  g_clear_pointer (&self->reminder_from, g_date_time_unref);
  if (reminder_from != NULL)
    self->reminder_from = g_date_time_ref (reminder_from);

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REMINDER_FROM]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REMINDER_TEXT]);
}

/**
 * sa_access_request_row_get_reminder_from:
 * @self: a #SaAccessRequestRow
 *
 * Returns: (transfer none) (nullable): #SaAccessRequestRow:reminder-from
 */
GDateTime *
sa_access_request_row_get_reminder_from (SaAccessRequestRow *self)
{
  g_return_val_if_fail (SA_IS_ACCESS_REQUEST_ROW (self), NULL);

  return self->reminder_from;
}
