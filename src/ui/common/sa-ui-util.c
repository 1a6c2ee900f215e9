/* sa-ui-util.c — small helpers shared by the widgets of src/ui
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sa-procedure-panel.h"
#include "sa-ui-util.h"

/**
 * sa_ui_show_toast:
 * @widget: any widget inside an #AdwToastOverlay
 * @title: (transfer none): the translated message
 *
 * Shows @title as a toast in the nearest #AdwToastOverlay above @widget.
 * Does nothing when @widget is not (yet) inside one.
 */
void
sa_ui_show_toast (GtkWidget  *widget,
                  const char *title)
{
  GtkWidget *overlay;
  AdwToast *toast;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (title != NULL);

  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL)
    {
      g_debug ("No toast overlay for: %s", title);
      return;
    }

  toast = adw_toast_new (title);
  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

/**
 * sa_ui_dup_assignment_summary:
 * @assignment: (nullable): one Smart Account slot of an order
 *
 * Describes a slot in one line for the Smart Account section of the order
 * page (step 8 of "update an assignment": verify what the section shows).
 *
 * Returns: (transfer full): a translated, plain-text summary; "Not assigned"
 *   when @assignment is %NULL. Free with g_free().
 */
char *
sa_ui_dup_assignment_summary (SaAssignment *assignment)
{
  const char *va;

  if (assignment == NULL)
    return g_strdup (_("Not assigned"));

  va = sa_assignment_get_virtual_account (assignment);

  /* Translators: a Smart Account slot of an order: "Acme Industrie (acme-industrie.fr)
   * · Active · Virtual Account: DEFAULT" — %1$s the account name, %2$s its domain,
   * %3$s its status, %4$s the Virtual Account name. */
  return g_strdup_printf (_("%1$s (%2$s) · %3$s · Virtual Account: %4$s"),
                          sa_assignment_get_name (assignment) ? sa_assignment_get_name (assignment) : "",
                          sa_assignment_get_domain (assignment) ? sa_assignment_get_domain (assignment) : "",
                          sa_account_status_get_label (sa_assignment_get_status (assignment)),
                          va != NULL && *va != '\0' ? va : _("none"));
}

/**
 * sa_ui_dup_virtual_account_label:
 * @virtual_account: a Virtual Account
 *
 * The label of a Virtual Account in the "Virtual Account Name" drop-down (step 8
 * of "assign an order"): its name exactly as the server gives it, whatever the
 * script (Japanese included), with the DEFAULT one marked.
 *
 * Returns: (transfer full): the label. Free with g_free().
 */
char *
sa_ui_dup_virtual_account_label (SaVirtualAccount *virtual_account)
{
  const char *name = sa_virtual_account_get_name (virtual_account);

  if (sa_virtual_account_get_is_default (virtual_account))
    /* Translators: the default Virtual Account in the drop-down: "DEFAULT (default)". */
    return g_strdup_printf (_("%s (default)"), name);

  return g_strdup (name);
}

/**
 * sa_ui_load_style:
 *
 * Loads the application style sheet for the default display. #AdwApplication
 * does this by itself; tests and tools that build widgets without one call it.
 */
void
sa_ui_load_style (void)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (provider, SA_RESOURCE_PATH "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

/**
 * sa_ui_get_settings:
 *
 * The one #GSettings of the application's schema (APPLICATION_ID_BASE) that
 * every window, dialog and wizard shares: the procedure panel, the window
 * size, the mode, the last order search. Created on first use, on the UI
 * thread, and kept for the life of the process.
 *
 * Returns: (transfer none): the settings
 */
GSettings *
sa_ui_get_settings (void)
{
  static GSettings *settings;

  if (settings == NULL)
    settings = g_settings_new (APPLICATION_ID_BASE);

  return settings;
}

/* The procedure panel under @widget that the user sees: the first whose
 * AdwFlap (or itself) is on screen, else the first at all. */
static SaProcedurePanel *
find_procedure_panel (GtkWidget *widget,
                      gboolean   mapped_only)
{
  if (SA_IS_PROCEDURE_PANEL (widget))
    {
      GtkWidget *parent = gtk_widget_get_parent (widget);

      if (!mapped_only || (parent != NULL && gtk_widget_get_mapped (parent)))
        return SA_PROCEDURE_PANEL (widget);
      return NULL;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      SaProcedurePanel *found = find_procedure_panel (child, mapped_only);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
free_weak_ref (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

/* The widget the action was inserted on, (transfer full), or NULL. */
static GtkWidget *
dup_action_widget (GSimpleAction *action)
{
  GWeakRef *ref = g_object_get_data (G_OBJECT (action), "sa-widget");

  return ref != NULL ? g_weak_ref_get (ref) : NULL;
}

static void
update_panel_action_state (GSimpleAction *action)
{
  g_autoptr(GtkWidget) widget = dup_action_widget (action);
  SaProcedurePanel *panel = widget != NULL ? find_procedure_panel (widget, FALSE) : NULL;
  gboolean shown;

  if (panel != NULL)
    shown = sa_procedure_panel_get_shown (panel);
  else
    shown = g_settings_get_boolean (sa_ui_get_settings (), "show-procedure-panel");

  g_simple_action_set_state (action, g_variant_new_boolean (shown));
}

static void
on_panel_action_activate (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  g_autoptr(GtkWidget) widget = dup_action_widget (action);
  SaProcedurePanel *panel = NULL;

  if (widget != NULL)
    panel = find_procedure_panel (widget, TRUE) ?: find_procedure_panel (widget, FALSE);

  if (panel != NULL)
    sa_procedure_panel_toggle (panel);
  else
    g_settings_set_boolean (sa_ui_get_settings (), "show-procedure-panel",
                            !g_settings_get_boolean (sa_ui_get_settings (), "show-procedure-panel"));
  update_panel_action_state (action);
}

/**
 * sa_ui_insert_settings_actions:
 * @widget: a window, dialog, page or view, after its template is built
 *   (any widget whose descendants and shortcuts should reach the action)
 *
 * Gives @widget the action group "settings" holding the action
 * "settings.show-procedure-panel" (F9, and the header bar's toggle button
 * whose action-name it is), for the documented procedure the panel beside
 * the page explains. Its boolean state says whether @widget's procedure
 * panel is shown (#SaProcedurePanel:shown). Activating it toggles the
 * panel the user sees under @widget (sa_procedure_panel_toggle()): beside
 * the page it flips the GSettings key show-procedure-panel, so the panel
 * shows or hides in every window at once; over a narrow page it opens or
 * closes that panel only. Without a panel under @widget it flips the key.
 */
void
sa_ui_insert_settings_actions (GtkWidget *widget)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) action = NULL;
  SaProcedurePanel *panel;
  GWeakRef *ref;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  action = g_simple_action_new_stateful ("show-procedure-panel", NULL,
                                         g_variant_new_boolean (FALSE));
  /* The widget owns the group, which owns the action: a weak one back. */
  ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (ref, widget);
  g_object_set_data_full (G_OBJECT (action), "sa-widget", ref, free_weak_ref);
  g_signal_connect (action, "activate", G_CALLBACK (on_panel_action_activate), NULL);
  g_signal_connect_object (sa_ui_get_settings (), "changed::show-procedure-panel",
                           G_CALLBACK (update_panel_action_state), action, G_CONNECT_SWAPPED);
  panel = find_procedure_panel (widget, FALSE);
  if (panel != NULL)
    g_signal_connect_object (panel, "notify::shown",
                             G_CALLBACK (update_panel_action_state), action, G_CONNECT_SWAPPED);
  update_panel_action_state (action);

  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (action));
  gtk_widget_insert_action_group (widget, "settings", G_ACTION_GROUP (group));
}

/**
 * sa_ui_dup_unbroken:
 * @identifier: (nullable): an identifier with hyphens, such as a PO No.
 *   ("PO-2026-0417")
 *
 * The identifier with non-breaking hyphens (U+2011), so that a label never
 * wraps it at a hyphen (issue 11): a PO No. split over two lines reads as two
 * numbers.
 *
 * Returns: (transfer full) (nullable): the text to show, %NULL for %NULL.
 *   Free with g_free().
 */
char *
sa_ui_dup_unbroken (const char *identifier)
{
  g_auto(GStrv) parts = NULL;

  if (identifier == NULL)
    return NULL;
  parts = g_strsplit (identifier, "-", -1);
  return g_strjoinv ("\u2011", parts);
}

/**
 * sa_ui_format_date:
 * @date_time: a date (any time zone; shown in local time)
 *
 * Writes a date alone as the UI language does ("2025-03-14", "14/03/2025"),
 * e.g. the expiry of a Smart Account request (step 6 of "request a Smart
 * Account": 90 days to accept). The one translatable date format of the app.
 *
 * Returns: (transfer full): the date. Free with g_free().
 */
char *
sa_ui_format_date (GDateTime *date_time)
{
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (date_time != NULL, NULL);

  local = g_date_time_to_local (date_time);
  /* Translators: how a date alone is written, as g_date_time_format()
   * takes it; e.g. "%d/%m/%Y". */
  return g_date_time_format (local, _("%Y-%m-%d"));
}

/**
 * sa_ui_format_date_time:
 * @date_time: a moment (any time zone; shown in local time)
 *
 * Writes a date as sa_ui_format_date() does, then the 24-hour time
 * ("14/03/2025 09:30"), e.g. when a reminder may be sent again (procedure 4,
 * following the request).
 *
 * Returns: (transfer full): the date and time. Free with g_free().
 */
char *
sa_ui_format_date_time (GDateTime *date_time)
{
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;

  g_return_val_if_fail (date_time != NULL, NULL);

  local = g_date_time_to_local (date_time);
  date = sa_ui_format_date (local);
  time = g_date_time_format (local, "%H:%M");

  return g_strdup_printf ("%s %s", date, time);
}

/* The label of @widget's subtree that shows @text with the style class
 * "title", or NULL. */
static GtkLabel *
find_title_label (GtkWidget  *widget,
                  const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "title") &&
      g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return GTK_LABEL (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_title_label (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/**
 * sa_ui_wrap_row_title_at_words:
 * @row: (type AdwPreferencesRow): a row whose title shares the line with a
 *   wide suffix, such as a drop-down
 *
 * Makes @row's title wrap between words only. An #AdwActionRow's title
 * wraps anywhere in a word, so at 360 px a drop-down beside it squeezes
 * "Options" into "Option-s" (issue 15); wrapped at words, the title keeps
 * its longest word and the drop-down, whose choice is ellipsized, gives way.
 * Does nothing when @row shows no title label.
 */
void
sa_ui_wrap_row_title_at_words (gpointer row)
{
  GtkLabel *label;

  g_return_if_fail (ADW_IS_PREFERENCES_ROW (row));

  label = find_title_label (GTK_WIDGET (row), adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  if (label != NULL)
    gtk_label_set_wrap_mode (label, PANGO_WRAP_WORD);
}

/**
 * sa_ui_renew_cancellable:
 * @cancellable: (inout) (not optional) (nullable): where a page, view or
 *   dialog keeps the #GCancellable of its running requests (it owns the
 *   reference)
 *
 * Cancels the requests started with *@cancellable, if any, and puts a new
 * #GCancellable in its place for the next ones: what a page does before it
 * asks the server again (a new search, a reload, a new client), so that an
 * answer to an older question never lands on the page after a newer one.
 * The callbacks of the cancelled requests see %G_IO_ERROR_CANCELLED.
 */
void
sa_ui_renew_cancellable (GCancellable **cancellable)
{
  g_return_if_fail (cancellable != NULL);

  g_cancellable_cancel (*cancellable);
  g_clear_object (cancellable);
  *cancellable = g_cancellable_new ();
}

/**
 * sa_ui_about_window_new:
 * @debug_info: the text of the About window's troubleshooting page
 *
 * The application's About window (name, icon, version, what it is for,
 * license, links, credits), modal, not yet transient for any window nor
 * shown. The app's "about" action and the narrow-width test build it here.
 *
 * Returns: (transfer floating): a new #AdwAboutWindow
 */
GtkWidget *
sa_ui_about_window_new (const char *debug_info)
{
  static const char *developers[] = {
    "Smart Account Desk contributors https://github.com/sadesk/smart-account-desk/graphs/contributors",
    NULL
  };

  g_return_val_if_fail (debug_info != NULL, NULL);

  return g_object_new (ADW_TYPE_ABOUT_WINDOW,
                       "modal", TRUE,
                       "application-name", _("Smart Account Desk"),
                       "application-icon", APPLICATION_ID,
                       "developer-name", "The Smart Account Desk developers",
                       "version", PACKAGE_VERSION,
                       "comments", _("Assign orders to Cisco Smart Accounts and change their assignment, "
                                     "step by step as the documented procedures describe — with a built-in "
                                     "training back office."),
                       "developers", developers,
                       "copyright", "© 2026 The Smart Account Desk developers",
                       "license-type", GTK_LICENSE_GPL_3_0,
                       "website", "https://github.com/sadesk/smart-account-desk",
                       "support-url", "https://github.com/sadesk/smart-account-desk#readme",
                       "issue-url", "https://github.com/sadesk/smart-account-desk/issues",
                       "debug-info", debug_info,
                       "debug-info-filename", "smart-account-desk-debug-info.txt",
                       /* Translators: put your names here, one per line */
                       "translator-credits", _("translator-credits"),
                       NULL);
}
