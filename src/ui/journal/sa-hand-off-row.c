/* sa-hand-off-row.c — one journal entry in a list: its observed state
 *
 * Issue 10, "The journal": with the Cisco connection the request views and
 * the order page list the journal's entries "with their observed state".
 * A row shows what was handed off (procedure, account, Virtual Account),
 * its state (SaStatusPill), the last thing the watch saw and when, the days
 * left for a Smart Account request, and offers "Move Licenses…" when the
 * licenses wait in DEFAULT for a double-byte Virtual Account, and Remove.
 * Its buttons activate the list's actions (journal.transfer, journal.remove)
 * with the entry's id.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sa-hand-off-row.h"
#include "sa-status-pill.h"
#include "sa-ui-util.h"

struct _SaHandOffRow
{
  AdwActionRow  parent_instance;

  SaHandOff    *hand_off;
  GtkWidget    *pill;
  GtkWidget    *transfer_button;
  GtkWidget    *remove_button;
};

G_DEFINE_FINAL_TYPE (SaHandOffRow, sa_hand_off_row, ADW_TYPE_ACTION_ROW)

/**
 * sa_hand_off_row_get_pill_kind:
 * @state: a hand-off state
 *
 * Returns: (transfer none): the #SaStatusPill colour of @state: confirmed in
 *   green, landed elsewhere in orange, expired or failed in red, waiting in
 *   blue, a draft in grey
 */
const char *
sa_hand_off_row_get_pill_kind (SaHandOffState state)
{
  switch (state)
    {
    case SA_HAND_OFF_STATE_CONFIRMED:
      return "success";
    case SA_HAND_OFF_STATE_LANDED_ELSEWHERE:
      return "warning";
    case SA_HAND_OFF_STATE_EXPIRED:
    case SA_HAND_OFF_STATE_FAILED:
      return "error";
    case SA_HAND_OFF_STATE_HANDED_OFF:
    case SA_HAND_OFF_STATE_OBSERVED_PARTLY:
      return "accent";
    case SA_HAND_OFF_STATE_DRAFT:
    case SA_HAND_OFF_STATE_REMOVED:
    default:
      return "neutral";
    }
}

/**
 * sa_hand_off_row_offers_transfer:
 * @hand_off: a hand-off
 *
 * Whether "Move Licenses…" is offered: the intended Virtual Account has a
 * double-byte name, the watch saw the licenses in DEFAULT, and no transfer
 * was accepted since (a refused one may be tried again).
 *
 * Returns: %TRUE when the transfer can be made
 */
gboolean
sa_hand_off_row_offers_transfer (SaHandOff *hand_off)
{
  SaHandOffState state = sa_hand_off_get_state (hand_off);

  if (!sa_hand_off_needs_transfer (hand_off) ||
      sa_hand_off_find_observation (hand_off, SA_OBSERVATION_LICENSES_IN_DEFAULT) == NULL)
    return FALSE;
  if (state == SA_HAND_OFF_STATE_FAILED)
    return TRUE;

  return state == SA_HAND_OFF_STATE_OBSERVED_PARTLY &&
         sa_hand_off_find_observation (hand_off, SA_OBSERVATION_TRANSFER_DONE) == NULL;
}

static char *
dup_title (SaHandOff *hand_off)
{
  const char *name = sa_hand_off_get_field (hand_off, SA_HAND_OFF_FIELD_ACCOUNT_NAME);
  const char *domain = sa_hand_off_get_field (hand_off, SA_HAND_OFF_FIELD_DOMAIN);
  const char *label = sa_hand_off_procedure_get_label (sa_hand_off_get_procedure (hand_off));

  if (name == NULL || *name == '\0')
    name = domain;
  if (name == NULL || *name == '\0')
    name = sa_hand_off_get_subject (hand_off);

  /* Translators: a journal entry's title: the procedure, then a Smart Account */
  return g_strdup_printf (_("%s: %s"), label, name);
}

static char *
dup_subtitle (SaHandOff *hand_off,
              GDateTime *now)
{
  g_autoptr(GString) text = g_string_new (NULL);
  GListModel *observations = sa_hand_off_get_observations (hand_off);
  guint n = g_list_model_get_n_items (observations);
  const char *va = sa_hand_off_get_field (hand_off, SA_HAND_OFF_FIELD_INTENDED_VIRTUAL_ACCOUNT);
  GDateTime *handed_off = sa_hand_off_get_handed_off (hand_off);

  if (va == NULL || *va == '\0')
    va = sa_hand_off_get_field (hand_off, SA_HAND_OFF_FIELD_VIRTUAL_ACCOUNT);
  if (va != NULL && *va != '\0')
    /* Translators: in a journal entry; %s is a Virtual Account name */
    g_string_append_printf (text, _("Virtual Account %s"), va);

  if (handed_off != NULL)
    {
      g_autofree char *date = sa_ui_format_date (handed_off);

      if (text->len > 0)
        g_string_append (text, " · ");
      /* Translators: in a journal entry; %s is a date */
      g_string_append_printf (text, _("handed off on %s"), date);
    }

  if (n > 0)
    {
      g_autoptr(SaHandOffObservation) last = g_list_model_get_item (observations, n - 1);
      g_autofree char *summary = sa_hand_off_observation_dup_summary (last);
      g_autofree char *seen = sa_ui_format_date_time (sa_hand_off_observation_get_seen (last));

      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: in a journal entry: what the watch saw, then when */
      g_string_append_printf (text, _("%s (seen %s)"), summary, seen);
    }
  else if (sa_hand_off_is_open (hand_off))
    {
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, _("Nothing observed yet: the app keeps checking."));
    }

  if (sa_hand_off_get_procedure (hand_off) == SA_HAND_OFF_REQUEST_SMART_ACCOUNT &&
      sa_hand_off_is_open (hand_off) && handed_off != NULL)
    {
      int days = sa_hand_off_get_days_left (hand_off, now);

      g_string_append_c (text, '\n');
      /* Translators: in a journal entry; %d is a number of days */
      g_string_append_printf (text, ngettext ("%d day left for the customer to accept",
                                              "%d days left for the customer to accept", days), days);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
sa_hand_off_row_dispose (GObject *object)
{
  SaHandOffRow *self = SA_HAND_OFF_ROW (object);

  g_clear_object (&self->hand_off);

  G_OBJECT_CLASS (sa_hand_off_row_parent_class)->dispose (object);
}

static void
sa_hand_off_row_class_init (SaHandOffRowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = sa_hand_off_row_dispose;
}

static void
sa_hand_off_row_init (SaHandOffRow *self)
{
}

/**
 * sa_hand_off_row_new:
 * @hand_off: an entry of the journal
 * @now: the time the days left are counted from
 *
 * Returns: (transfer floating): the row
 */
GtkWidget *
sa_hand_off_row_new (SaHandOff *hand_off,
                     GDateTime *now)
{
  SaHandOffRow *self;
  SaHandOffState state;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  GVariant *target;

  g_return_val_if_fail (SA_IS_HAND_OFF (hand_off), NULL);

  self = g_object_new (SA_TYPE_HAND_OFF_ROW, NULL);
  self->hand_off = g_object_ref (hand_off);
  state = sa_hand_off_get_state (hand_off);
  title = dup_title (hand_off);
  subtitle = dup_subtitle (hand_off, now);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (self), 0);

  self->pill = sa_status_pill_new ();
  gtk_widget_set_valign (self->pill, GTK_ALIGN_CENTER);
  sa_status_pill_set (SA_STATUS_PILL (self->pill), sa_hand_off_state_get_label (state),
                      sa_hand_off_row_get_pill_kind (state));
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), self->pill);

  target = g_variant_new_int64 (sa_hand_off_get_id (hand_off));
  g_variant_ref_sink (target);
  if (sa_hand_off_row_offers_transfer (hand_off))
    {
      self->transfer_button = gtk_button_new_with_mnemonic (_("_Move Licenses…"));
      gtk_widget_set_valign (self->transfer_button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (self->transfer_button, "suggested-action");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->transfer_button), "journal.transfer");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->transfer_button), target);
      adw_action_row_add_suffix (ADW_ACTION_ROW (self), self->transfer_button);
    }

  self->remove_button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (self->remove_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->remove_button, "flat");
  gtk_widget_set_tooltip_text (self->remove_button, _("Remove From the Journal"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove From the Journal"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->remove_button), "journal.remove");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->remove_button), target);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), self->remove_button);
  g_variant_unref (target);

  return GTK_WIDGET (self);
}

/**
 * sa_hand_off_row_get_hand_off:
 * @self: a #SaHandOffRow
 *
 * Returns: (transfer none): the entry shown
 */
SaHandOff *
sa_hand_off_row_get_hand_off (SaHandOffRow *self)
{
  g_return_val_if_fail (SA_IS_HAND_OFF_ROW (self), NULL);

  return self->hand_off;
}

/**
 * sa_hand_off_row_get_pill:
 * @self: a #SaHandOffRow
 *
 * Returns: (transfer none): the #SaStatusPill showing the state
 */
GtkWidget *
sa_hand_off_row_get_pill (SaHandOffRow *self)
{
  g_return_val_if_fail (SA_IS_HAND_OFF_ROW (self), NULL);

  return self->pill;
}

/**
 * sa_hand_off_row_get_transfer_button:
 * @self: a #SaHandOffRow
 *
 * Returns: (transfer none) (nullable): "Move Licenses…", when offered
 */
GtkWidget *
sa_hand_off_row_get_transfer_button (SaHandOffRow *self)
{
  g_return_val_if_fail (SA_IS_HAND_OFF_ROW (self), NULL);

  return self->transfer_button;
}

/**
 * sa_hand_off_row_get_remove_button:
 * @self: a #SaHandOffRow
 *
 * Returns: (transfer none): the Remove button
 */
GtkWidget *
sa_hand_off_row_get_remove_button (SaHandOffRow *self)
{
  g_return_val_if_fail (SA_IS_HAND_OFF_ROW (self), NULL);

  return self->remove_button;
}
