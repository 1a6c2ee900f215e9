/* test-ui-atspi.c — every control of the app has a name a screen reader can
 * speak, read through AT-SPI as Orca reads it (issue 11, "Accessibility")
 *
 * The program runs twice. Started with --app, it is the application: the
 * real sandbox back office and the real windows, each showing what a user
 * reaches — the main window on each view (Orders, Smart Account requests,
 * Access requests), both request wizards, Preferences and the sign-in
 * dialog — with GTK's AT-SPI bridge on. Started as a test, it runs that copy
 * and reads its windows with libatspi, as an assistive technology does,
 * from outside the process: every button, toggle, check box, radio button,
 * drop-down, entry, text view, list and list item must have a name that
 * is not empty, not a GTK class name ("GtkSearchEntry", "GtkToggleButton",
 * "GtkListBox") and carries no mnemonic underscore ("_Retry Retry"); the
 * procedure panel's toggle says whether it is pressed.
 *
 * Needs the accessibility bus (at-spi2-core) in a D-Bus session, as
 * ./build-aux/test gives it; without one the test is skipped, saying so.
 *
 * To cover a window more, open it in open_windows(). The Assign Smart Account
 * dialog is opened in a main window of its own, over its order page, after a
 * search, with the Virtual Accounts of the account chosen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

/* libatspi 2.46's headers declare "GType f ();" */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wstrict-prototypes"
#include <atspi/atspi.h>
#pragma GCC diagnostic pop

/* libatspi 2.46 defines no autoptr cleanups. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtspiAccessible, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtspiStateSet, g_object_unref)
#include <signal.h>
#include <stdio.h>

#include "sa-access-request-wizard-private.h"
#include "sa-account-requests-view.h"
#include "sa-assign-dialog.h"
#include "sa-order-page.h"
#include "sa-orders-view.h"
#include "sa-preferences-window.h"
#include "sa-sign-in-dialog.h"
#include "sa-ui-test-util.h"
#include "sa-ui-util.h"

/* ---- The application side (--app) ---- */

static gboolean
profile_ready (gpointer user_data)
{
  SaAccessRequestWizard *wizard = user_data;

  return !sa_access_request_wizard_get_busy (wizard) &&
         sa_profile_editor_get_profile (sa_access_request_wizard_get_profile_editor (wizard)) != NULL;
}

static gboolean
candidates_shown (gpointer user_data)
{
  SaAccessRequestWizard *wizard = user_data;

  return !sa_access_request_wizard_get_busy (wizard) && sa_access_request_wizard_get_candidates (wizard) != NULL;
}

static SaWindow *
new_window_on_view (SaTestSandbox *sandbox,
                    int            view)
{
  SaWindow *window = sa_test_new_window (sandbox);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "i", view);
  return window;
}

/* The Assign Smart Account dialog over an order page, after a Domain
 * Identifier search, on an account with its Virtual Accounts listed. */
static void
open_assign_dialog (SaTestSandbox *sandbox)
{
  SaWindow *window = new_window_on_view (sandbox, 1);
  SaOrdersView *view = sa_window_get_orders_view (window);
  g_autoptr(SaOrder) order = NULL;
  g_autofree char *domain = NULL;
  g_autofree char *virtual_account = NULL;
  SaAssignDialog *dialog;
  SaOrderPage *page;

  g_assert_true (sa_test_wait_until (sa_test_orders_loaded, view, 30000));
  order = sa_test_find_order (sandbox->client, sa_test_order_is_holding_only, NULL);
  g_assert_nonnull (order);
  page = sa_orders_view_open_order (view, sa_order_get_sales_order_number (order));
  g_assert_true (sa_test_wait_until (sa_test_order_page_loaded, page, 30000));
  g_signal_emit_by_name (SA_TEST_CHILD (page, SA_TYPE_ORDER_PAGE, "banner_button"), "clicked");

  g_assert_true (sa_test_find_japanese_virtual_account (sandbox->client, &domain, &virtual_account));
  g_signal_emit_by_name (SA_TEST_CHILD (page, SA_TYPE_ORDER_PAGE, "end_customer_edit_button"), "clicked");
  dialog = sa_order_page_get_assign_dialog (page);
  gtk_editable_set_text (GTK_EDITABLE (SA_TEST_CHILD (dialog, SA_TYPE_ASSIGN_DIALOG, "search_entry")), domain);
  sa_assign_dialog_search (dialog);
  g_assert_true (sa_test_wait_until (sa_test_results_shown,
                                     SA_TEST_CHILD (dialog, SA_TYPE_ASSIGN_DIALOG, "results_stack"), 30000));
  gtk_list_box_select_row (GTK_LIST_BOX (SA_TEST_CHILD (dialog, SA_TYPE_ASSIGN_DIALOG, "results_list")),
                           gtk_list_box_get_row_at_index (GTK_LIST_BOX (SA_TEST_CHILD (dialog, SA_TYPE_ASSIGN_DIALOG,
                                                                                       "results_list")), 0));
  g_assert_true (sa_test_wait_until (sa_test_virtual_accounts_loaded,
                                     SA_TEST_CHILD (dialog, SA_TYPE_ASSIGN_DIALOG, "va_dropdown"), 30000));
}

static void
open_windows (SaTestSandbox *sandbox)
{
  SaWindow *orders = new_window_on_view (sandbox, 1);
  SaWindow *account_requests = new_window_on_view (sandbox, 2);
  SaWindow *access_requests = new_window_on_view (sandbox, 3);
  SaAccessRequestWizard *access;
  GtkWidget *preferences;
  SaSignInDialog *sign_in;

  g_assert_true (sa_test_wait_until (sa_test_orders_loaded, sa_window_get_orders_view (orders), 30000));

  /* Request a Smart Account, on its first page. */
  sa_test_remove_draft (SA_DRAFT_ACCOUNT_REQUEST);
  sa_account_requests_view_open_wizard (SA_ACCOUNT_REQUESTS_VIEW (SA_TEST_CHILD (account_requests, SA_TYPE_WINDOW,
                                                                                "account_requests_view")));

  /* Request Access, on the chooser of several Smart Accounts. */
  sa_test_remove_draft (SA_DRAFT_ACCESS_REQUEST);
  access = sa_window_request_access (access_requests, NULL);
  g_assert_true (sa_test_wait_until (profile_ready, access, 30000));
  sa_access_request_wizard_next (access);
  sa_access_request_wizard_set_domain (access, "groupe-hexagone.example");
  sa_access_request_wizard_submit_domain (access);
  g_assert_true (sa_test_wait_until (candidates_shown, access, 30000));

  preferences = sa_preferences_window_new (GTK_WINDOW (orders));
  gtk_window_present (GTK_WINDOW (preferences));

  sign_in = sa_sign_in_dialog_new (sandbox->client, GTK_WINDOW (orders));
  gtk_window_present (GTK_WINDOW (sign_in));


  /* Every view of each main window shown once, as a user switching views
   * would (the rows of a view load while it is hidden). */
  sa_test_wait_ms (1500);
  for (int view = 1; view <= 5; view++) /* five with training: scenarios, class */
    {
      gtk_widget_activate_action (GTK_WIDGET (orders), "win.show-view", "i", view);
      gtk_widget_activate_action (GTK_WIDGET (account_requests), "win.show-view", "i", view);
      gtk_widget_activate_action (GTK_WIDGET (access_requests), "win.show-view", "i", view);
      sa_test_wait_ms (300);
    }
  gtk_widget_activate_action (GTK_WIDGET (orders), "win.show-view", "i", 1);
  gtk_widget_activate_action (GTK_WIDGET (account_requests), "win.show-view", "i", 2);
  gtk_widget_activate_action (GTK_WIDGET (access_requests), "win.show-view", "i", 3);

  open_assign_dialog (sandbox);
}

static int
run_app (int    argc,
         char **argv)
{
  SaTestSandbox *sandbox;
  char *state_dir = sa_test_use_state_dir ("sa-ui-atspi-XXXXXX");

  sa_test_init_gtk (&argc, &argv);
  sa_test_set_language ("en");
  sandbox = sa_test_sandbox_new ();

  open_windows (sandbox);
  sa_test_wait_ms (1000);
  g_print ("READY\n");
  fflush (stdout);

  /* Until the test has read everything and stops us. */
  while (TRUE)
    g_main_context_iteration (NULL, TRUE);

  sa_test_sandbox_free (sandbox);
  sa_test_remove_state_dir (state_dir);
  return 0;
}

/* ---- The test side: an assistive technology ---- */

static GPid app_pid;

static gboolean
is_control (AtspiRole role)
{
  switch (role)
    {
    case ATSPI_ROLE_PUSH_BUTTON:
    case ATSPI_ROLE_PUSH_BUTTON_MENU:
    case ATSPI_ROLE_TOGGLE_BUTTON:
    case ATSPI_ROLE_CHECK_BOX:
    case ATSPI_ROLE_RADIO_BUTTON:
    case ATSPI_ROLE_COMBO_BOX:
    case ATSPI_ROLE_ENTRY:
    case ATSPI_ROLE_PASSWORD_TEXT:
    case ATSPI_ROLE_SPIN_BUTTON:
    case ATSPI_ROLE_LIST:
    case ATSPI_ROLE_LIST_BOX:
    case ATSPI_ROLE_LIST_ITEM:
    case ATSPI_ROLE_LINK:
    case ATSPI_ROLE_SLIDER:
      return TRUE;
    default:
      return FALSE;
    }
}

/* What a user meets on screen (hidden stack pages and closed popovers are
 * checked where a window shows them). */
static gboolean
is_showing (AtspiAccessible *accessible)
{
  g_autoptr(AtspiStateSet) states = atspi_accessible_get_state_set (accessible);

  return atspi_state_set_contains (states, ATSPI_STATE_VISIBLE);
}

static gboolean
in_drop_down (AtspiAccessible *accessible)
{
  g_autoptr(AtspiAccessible) parent = atspi_accessible_get_parent (accessible, NULL);

  for (int i = 0; parent != NULL && i < 6; i++)
    {
      AtspiAccessible *next;

      if (atspi_accessible_get_role (parent, NULL) == ATSPI_ROLE_COMBO_BOX)
        return TRUE;
      next = atspi_accessible_get_parent (parent, NULL);
      g_object_unref (parent);
      parent = next;
    }

  return FALSE;
}

/* Why @name cannot be spoken for a control, or NULL when it can. */
static const char *
name_problem (const char *name)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name ? name : ""));

  if (*stripped == '\0')
    return "no name";
  if (g_str_has_prefix (stripped, "Gtk") || g_str_has_prefix (stripped, "Adw") || g_str_has_prefix (stripped, "Sa"))
    {
      gboolean identifier = TRUE;

      for (const char *p = stripped; *p != '\0'; p++)
        if (!g_ascii_isalnum (*p))
          identifier = FALSE;
      if (identifier)
        return "a class name";
    }
  if (stripped[0] == '_' || strstr (stripped, " _") != NULL)
    return "a mnemonic underscore";

  return NULL;
}

/* Where @accessible is: its ancestors' roles and names, nearest first. */
static char *
dup_ancestors (AtspiAccessible *accessible)
{
  GString *where = g_string_new (NULL);
  g_autoptr(AtspiAccessible) parent = atspi_accessible_get_parent (accessible, NULL);

  for (int i = 0; parent != NULL && i < 4; i++)
    {
      g_autofree char *role_name = atspi_accessible_get_role_name (parent, NULL);
      g_autofree char *name = atspi_accessible_get_name (parent, NULL);
      AtspiAccessible *next = atspi_accessible_get_parent (parent, NULL);

      g_string_append_printf (where, "%s%s “%s”", i > 0 ? " < " : "", role_name, name ? name : "");
      g_object_unref (parent);
      parent = next;
    }

  return g_string_free (where, FALSE);
}

typedef struct
{
  GString *problems;
  guint    n_controls;
  guint    n_panel_toggles;
} Walk;

static void
walk (AtspiAccessible *accessible,
      const char      *window,
      Walk            *data,
      guint            depth)
{
  g_autoptr(GError) error = NULL;
  AtspiRole role = atspi_accessible_get_role (accessible, &error);
  g_autofree char *name = NULL;
  int n_children;

  if (error != NULL || depth > 60)
    return;

  name = atspi_accessible_get_name (accessible, NULL);
  /* The choices of a closed drop-down: GTK 4.8 gives its list items no
   * name of their own (gtk_list_item_set_accessible_label() is 4.12); a
   * screen reader reads the drop-down with its choice. */
  if (role == ATSPI_ROLE_LIST_ITEM && in_drop_down (accessible))
    return;
  if (is_control (role) && is_showing (accessible))
    {
      const char *problem = name_problem (name);

      data->n_controls++;
      if (g_getenv ("SA_TEST_ATSPI_DUMP") != NULL)
        {
          g_autofree char *role_name = atspi_accessible_get_role_name (accessible, NULL);

          g_test_message ("%s: %s “%s”", window, role_name, name ? name : "");
        }
      if (problem != NULL)
        {
          g_autofree char *role_name = atspi_accessible_get_role_name (accessible, NULL);
          g_autofree char *description = atspi_accessible_get_description (accessible, NULL);
          g_autofree char *where = dup_ancestors (accessible);

          g_string_append_printf (data->problems, "\n  %s: a %s named “%s” (%s)%s%s, in %s",
                                  window, role_name, name ? name : "", problem,
                                  description && *description ? ", described as " : "",
                                  description && *description ? description : "", where);
        }

      /* The procedure panel's toggle says whether it is pressed. */
      if ((role == ATSPI_ROLE_TOGGLE_BUTTON || role == ATSPI_ROLE_PUSH_BUTTON) &&
          name != NULL && strstr (name, "Procedure Panel") != NULL)
        {
          g_autoptr(AtspiStateSet) states = atspi_accessible_get_state_set (accessible);

          data->n_panel_toggles++;
          if (!atspi_state_set_contains (states, ATSPI_STATE_PRESSED) &&
              !atspi_state_set_contains (states, ATSPI_STATE_CHECKED))
            g_string_append_printf (data->problems, "\n  %s: the toggle “%s” does not say it is pressed "
                                    "(the panel is shown)", window, name);
        }
    }

  /* Nothing under a part that is not shown is shown: not walked (hidden
   * stack pages). A list's rows are alike: the first ones stand for the rest
   * (the Orders list keeps up to 200 rows alive). */
  if (depth > 2 && !is_showing (accessible))
    return;
  n_children = atspi_accessible_get_child_count (accessible, NULL);
  if (role == ATSPI_ROLE_LIST || role == ATSPI_ROLE_LIST_BOX || role == ATSPI_ROLE_TREE_TABLE)
    n_children = MIN (n_children, 12);
  for (int i = 0; i < n_children && i < 500; i++)
    {
      g_autoptr(AtspiAccessible) child = atspi_accessible_get_child_at_index (accessible, i, NULL);

      if (child != NULL)
        walk (child, window, data, depth + 1);
    }
}

static AtspiAccessible *
find_app (void)
{
  for (int attempt = 0; attempt < 300; attempt++)
    {
      g_autoptr(AtspiAccessible) desktop = atspi_get_desktop (0);
      int n = atspi_accessible_get_child_count (desktop, NULL);

      for (int i = 0; i < n; i++)
        {
          AtspiAccessible *app = atspi_accessible_get_child_at_index (desktop, i, NULL);

          if (app != NULL && (GPid) atspi_accessible_get_process_id (app, NULL) == app_pid)
            return app;
          g_clear_object (&app);
        }
      g_usleep (100 * 1000);
    }

  return NULL;
}

static void
test_names (void)
{
  g_autoptr(AtspiAccessible) app = find_app ();
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  Walk data = { g_string_new (NULL), 0, 0 };
  int n_windows;

  g_assert_nonnull (app);
  n_windows = atspi_accessible_get_child_count (app, NULL);
  g_test_message ("%d windows", n_windows);
  for (int i = 0; i < n_windows; i++)
    {
      g_autoptr(AtspiAccessible) window = atspi_accessible_get_child_at_index (app, i, NULL);
      g_autofree char *title = window ? atspi_accessible_get_name (window, NULL) : NULL;

      if (window == NULL)
        continue;
      g_ptr_array_add (seen, g_strdup (title ? title : ""));
      walk (window, title ? title : "?", &data, 0);
    }

  g_test_message ("%u controls read", data.n_controls);
  g_assert_cmpint (n_windows, >=, 9);
  /* The Assign Smart Account dialog was read too, over its order page. */
  g_assert_true (g_ptr_array_find_with_equal_func (seen, "Assign Smart Account", g_str_equal, NULL));
  g_assert_cmpuint (data.n_controls, >, 50);
  if (data.problems->len > 0)
    g_error ("Controls a screen reader cannot name:%s", data.problems->str);
  /* The Orders view and both wizards have the toggle. */
  g_assert_cmpuint (data.n_panel_toggles, >=, 3);
  g_string_free (data.problems, TRUE);
}

/* Whether the accessibility bus answers in this D-Bus session. */
static gboolean
a11y_bus_available (char **reason)
{
  g_autoptr(GDBusConnection) session = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  session = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  if (session == NULL)
    {
      *reason = g_strdup_printf ("no D-Bus session (%s): run under ./build-aux/test", error->message);
      return FALSE;
    }
  reply = g_dbus_connection_call_sync (session, "org.a11y.Bus", "/org/a11y/bus", "org.a11y.Bus", "GetAddress",
                                       NULL, G_VARIANT_TYPE ("(s)"), G_DBUS_CALL_FLAGS_NONE, 5000, NULL, &error);
  if (reply == NULL)
    {
      *reason = g_strdup_printf ("no accessibility bus (install at-spi2-core): %s", error->message);
      return FALSE;
    }

  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) app = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  g_autofree char *reason = NULL;
  gboolean tap = FALSE;
  int status;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--app"))
        return run_app (argc, argv);
      if (g_str_equal (argv[i], "--tap"))
        tap = TRUE;
    }

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    sa_test_skip_all (tap, "no display: run under ./build-aux/test, or xvfb-run (widgets need a display)");
  if (!a11y_bus_available (&reason))
    sa_test_skip_all (tap, reason);

  g_test_init (&argc, &argv, NULL);
  /* libatspi warns of what it cannot cache (objects going away while it
   * reads): not fatal for the reader; criticals stay fatal. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);

  /* The application, with GTK's AT-SPI bridge on. */
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_subprocess_launcher_setenv (launcher, "GTK_A11Y", "atspi", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "NO_AT_BRIDGE");
  app = g_subprocess_launcher_spawn (launcher, &error, argv[0], "--app", NULL);
  g_assert_no_error (error);
  app_pid = (GPid) g_ascii_strtoll (g_subprocess_get_identifier (app), NULL, 10);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (app));
  while ((line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error)) != NULL &&
         !g_str_equal (line, "READY"))
    g_clear_pointer (&line, g_free);
  g_assert_no_error (error);
  g_assert_nonnull (line);

  g_assert_cmpint (atspi_init (), >=, 0);

  g_test_add_func ("/ui/atspi/names", test_names);
  status = g_test_run ();

  g_subprocess_force_exit (app);
  g_subprocess_wait (app, NULL, NULL);

  return status;
}
