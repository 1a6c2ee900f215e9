/* test-ui-narrow.c — every view, dialog and wizard usable at 360 px wide
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Issue 15 item 4: the metainfo claims display_length ≥ 360. Each window is
 * opened at 360 px wide (gtk_window_set_default_size()), its minimum width
 * must be at most 360 and its allocated width 360, in English, French and
 * Italian; the later pages of both request wizards too. With
 * SA_TEST_SCREENSHOT_DIR set, each is saved there as
 * narrow-LANG-NAME.png for a person to look at.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sa-access-request-wizard-private.h"
#include "sa-access-requests-view.h"
#include "sa-account-request-wizard-private.h"
#include "sa-hand-off-dialog.h"
#include "sa-license-finder.h"
#include "sa-ui-test-util.h"
#include "sa-ui-util.h"

#define NARROW 360

static SaTestSandbox *sandbox;

/* What did not fit, reported once every window of a language was seen. */
static GString *too_wide;

/* With SA_TEST_NARROW_DEBUG set: the widgets wider than 360 px, deepest
 * last, to find what holds a window wide. */
static void
dump_wide (GtkWidget *widget,
           int        depth)
{
  int minimum = 0;

  if (!gtk_widget_get_visible (widget))
    return;
  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  if (minimum <= (depth > 0 && g_getenv ("SA_TEST_NARROW_DEBUG")[0] == '2' ? 40 : NARROW - 20))
    return;
  g_test_message ("%*s%s %s: %d", depth, "", G_OBJECT_TYPE_NAME (widget),
                  gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)) ?: "", minimum);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    dump_wide (child, depth + 1);
}

static gboolean
is_narrow (gpointer user_data)
{
  return gtk_widget_get_width (user_data) == NARROW;
}

/* @window's minimum width at most 360, its width 360; then the screenshot. */
static void
check_narrow (GtkWidget  *window,
              const char *language,
              const char *name)
{
  const char *dir = g_getenv ("SA_TEST_SCREENSHOT_DIR");
  int minimum = 0;

  /* Let transitions end and everything draw. */
  sa_test_wait_ms (400);
  sa_test_wait_until (is_narrow, window, 3000);
  if (gtk_widget_get_width (window) != NARROW)
    {
      int frame = 0, child = 0;

      /* The default size counts the window's frame (client-side
       * decorations without a compositor): add it. */
      gtk_widget_measure (window, GTK_ORIENTATION_HORIZONTAL, -1, &frame, NULL, NULL, NULL);
      gtk_widget_measure (gtk_window_get_child (GTK_WINDOW (window)), GTK_ORIENTATION_HORIZONTAL, -1,
                          &child, NULL, NULL, NULL);
      gtk_window_set_default_size (GTK_WINDOW (window), NARROW + frame - child, 640);
      sa_test_wait_until (is_narrow, window, 3000);
    }

  /* The window's child: the window itself adds its frame under Xvfb. */
  gtk_widget_measure (gtk_window_get_child (GTK_WINDOW (window)), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_test_message ("%s %s: minimum width %d, width %d", language, name,
                  minimum, gtk_widget_get_width (window));

  if (g_getenv ("SA_TEST_NARROW_DEBUG") != NULL)
    dump_wide (window, 0);

  if (dir != NULL)
    {
      g_autofree char *file = g_strdup_printf ("narrow-%s-%s.png", language, name);
      g_autofree char *path = g_build_filename (dir, file, NULL);
      g_autoptr(GError) error = NULL;

      g_mkdir_with_parents (dir, 0755);
      sa_test_save_png (window, path, &error);
      g_assert_no_error (error);
    }

  if (minimum > NARROW || gtk_widget_get_width (window) != NARROW)
    g_string_append_printf (too_wide, " %s (minimum %d, width %d)",
                            name, minimum, gtk_widget_get_width (window));
}

static void
narrow_window (GtkWidget *window)
{
  gtk_window_set_default_size (GTK_WINDOW (window), NARROW, 640);
}

static gboolean
wizard_draft_checked (gpointer user_data)
{
  return sa_account_request_wizard_get_draft_checked (user_data);
}

static gboolean
access_requests_loaded (gpointer user_data)
{
  return !sa_access_requests_view_get_loading (user_data);
}

static void
check_language (const char *language)
{
  g_autoptr(SaOrder) order = NULL;
  AdwViewStack *view_stack;
  SaWindow *window;
  SaOrdersView *view;
  SaOrderPage *page;
  SaAssignDialog *dialog;
  SaAccountRequestWizard *wizard;
  SaAccessRequestWizard *access_wizard;
  SaLicenseFinder *finder;
  GtkWidget *other;

  sa_test_set_language (language);
  too_wide = g_string_new (NULL);

  /* The main window and its views */
  window = sa_window_new (NULL);
  narrow_window (GTK_WIDGET (window));
  sa_window_set_client (window, sandbox->client, TRUE);
  gtk_window_present (GTK_WINDOW (window));
  view = sa_window_get_orders_view (window);
  g_assert_true (sa_test_wait_until (sa_test_orders_loaded, view, 30000));
  check_narrow (GTK_WIDGET (window), language, "orders");

  view_stack = ADW_VIEW_STACK (SA_TEST_CHILD (window, SA_TYPE_WINDOW, "view_stack"));
  adw_view_stack_set_visible_child_name (view_stack, "account-requests");
  check_narrow (GTK_WIDGET (window), language, "account-requests");

  sa_window_show_access_requests (window);
  sa_test_wait_until (access_requests_loaded, sa_window_get_access_requests_view (window), 30000);
  check_narrow (GTK_WIDGET (window), language, "access-requests");
  adw_view_stack_set_visible_child_name (view_stack, "orders");

  /* The order page and the Assign dialog */
  order = sa_test_find_order (sandbox->client, sa_test_order_is_holding_only, NULL);
  if (order == NULL)
    order = sa_test_find_order (sandbox->client, sa_test_order_is_changeable_without_end_customer, NULL);
  g_assert_nonnull (order);
  page = sa_orders_view_open_order (view, sa_order_get_sales_order_number (order));
  g_assert_true (sa_test_wait_until (sa_test_order_page_loaded, page, 30000));
  check_narrow (GTK_WIDGET (window), language, "order");

  g_signal_emit_by_name (SA_TEST_CHILD (page, SA_TYPE_ORDER_PAGE, "end_customer_edit_button"), "clicked");
  dialog = sa_order_page_get_assign_dialog (page);
  g_assert_nonnull (dialog);
  narrow_window (GTK_WIDGET (dialog));
  check_narrow (GTK_WIDGET (dialog), language, "assign");
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Request a Smart Account */
  wizard = sa_account_request_wizard_new (sandbox->client, GTK_WINDOW (window));
  narrow_window (GTK_WIDGET (wizard));
  gtk_window_present (GTK_WINDOW (wizard));
  sa_test_wait_until (wizard_draft_checked, wizard, 10000);
  check_narrow (GTK_WIDGET (wizard), language, "account-request");
  gtk_window_destroy (GTK_WINDOW (wizard));

  /* Request access */
  access_wizard = sa_window_request_access (window, NULL);
  g_assert_nonnull (access_wizard);
  narrow_window (GTK_WIDGET (access_wizard));
  sa_test_wait_until (sa_test_access_wizard_ready, access_wizard, 30000);
  check_narrow (GTK_WIDGET (access_wizard), language, "access-request");
  gtk_window_destroy (GTK_WINDOW (access_wizard));

  /* Where Are My Licenses? */
  finder = sa_window_find_licenses (window, NULL);
  g_assert_nonnull (finder);
  narrow_window (GTK_WIDGET (finder));
  check_narrow (GTK_WIDGET (finder), language, "licenses");
  gtk_window_destroy (GTK_WINDOW (finder));

  /* Preferences */
  other = sa_preferences_window_new (GTK_WINDOW (window));
  narrow_window (other);
  gtk_window_present (GTK_WINDOW (other));
  check_narrow (other, language, "preferences");
  gtk_window_destroy (GTK_WINDOW (other));

  /* Sign in */
  other = GTK_WIDGET (sa_sign_in_dialog_new (sandbox->client, GTK_WINDOW (window)));
  narrow_window (other);
  gtk_window_present (GTK_WINDOW (other));
  check_narrow (other, language, "sign-in");
  gtk_window_destroy (GTK_WINDOW (other));

  gtk_window_destroy (GTK_WINDOW (window));

  if (too_wide->len > 0)
    g_error ("Wider than %d px in %s:%s", NARROW, language, too_wide->str);
  g_string_free (too_wide, TRUE);
}

/* Complete in Cisco's Portal (the hand-off page), on its own */
static void
check_hand_off (const char *language)
{
  GtkWidget *holder = gtk_window_new ();
  GtkWidget *caller = gtk_label_new ("");

  sa_test_set_language (language);
  too_wide = g_string_new (NULL);
  gtk_window_set_child (GTK_WINDOW (holder), caller);
  {
    g_autoptr(GPtrArray) hand_offs = g_ptr_array_new_with_free_func (g_object_unref);
    SaHandOff *hand_off = sa_hand_off_new (SA_HAND_OFF_ASSIGN_ORDER, "104857601");
    SaHandOffDialog *hand_off_dialog;

    sa_hand_off_set_slot (hand_off, SA_HAND_OFF_SLOT_END_CUSTOMER);
    sa_hand_off_set_field (hand_off, SA_HAND_OFF_FIELD_DOMAIN, "acme-industrie.fr");
    sa_hand_off_set_field (hand_off, SA_HAND_OFF_FIELD_ACCOUNT_NAME, "Acme Industrie");
    sa_hand_off_set_field (hand_off, SA_HAND_OFF_FIELD_VIRTUAL_ACCOUNT, "DEFAULT");
    g_ptr_array_add (hand_offs, hand_off);
    hand_off_dialog = sa_hand_off_dialog_new (sandbox->client, hand_offs, caller);
    narrow_window (GTK_WIDGET (hand_off_dialog));
    gtk_window_present (GTK_WINDOW (hand_off_dialog));
    check_narrow (GTK_WIDGET (hand_off_dialog), language, "hand-off");
    gtk_window_destroy (GTK_WINDOW (hand_off_dialog));
  }

  gtk_window_destroy (GTK_WINDOW (holder));

  if (too_wide->len > 0)
    g_error ("Wider than %d px in %s:%s", NARROW, language, too_wide->str);
  g_string_free (too_wide, TRUE);
}

static void
test_english (void)
{
  check_language ("en");
}

static void
test_french (void)
{
  check_language ("fr");
}

static void
test_italian (void)
{
  check_language ("it");
}

/* Request a Smart Account past its first page: the users page and the
 * review page, with Back and Send Request in the wizard's bottom bar, at
 * 360 px in every language (no skip: a wider page fails). */
static void
check_wizard_pages (const char *language)
{
  GtkWidget *holder = gtk_window_new ();
  SaAccountRequestWizard *wizard;

  sa_test_set_language (language);
  too_wide = g_string_new (NULL);
  narrow_window (holder);
  gtk_window_present (GTK_WINDOW (holder));
  wizard = sa_account_request_wizard_new (sandbox->client, GTK_WINDOW (holder));
  narrow_window (GTK_WIDGET (wizard));
  gtk_window_present (GTK_WINDOW (wizard));
  sa_test_wait_until (wizard_draft_checked, wizard, 10000);
#define WIZ(name) GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (wizard), SA_TYPE_ACCOUNT_REQUEST_WIZARD, name))
  gtk_editable_set_text (GTK_EDITABLE (WIZ ("account_name_row")), "Trattoria Da Mario");
  gtk_editable_set_text (GTK_EDITABLE (WIZ ("customer_email_row")), "mario@trattoria-mario.example");
  gtk_editable_set_text (GTK_EDITABLE (WIZ ("account_domain_row")), "trattoria-mario.example");
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.next", NULL);
  check_narrow (GTK_WIDGET (wizard), language, "account-request-users");
  gtk_editable_set_text (GTK_EDITABLE (WIZ ("user_entry_row")), "anna@northwind-networks.example");
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.add-users", NULL);
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.next", NULL);
  check_narrow (GTK_WIDGET (wizard), language, "account-request-review");
#undef WIZ
  gtk_window_destroy (GTK_WINDOW (wizard));
  gtk_window_destroy (GTK_WINDOW (holder));

  if (too_wide->len > 0)
    g_error ("Wider than %d px in %s:%s", NARROW, language, too_wide->str);
  g_string_free (too_wide, TRUE);
}

/* Request Access past its first page: the domain page with the Smart
 * Accounts that share the domain to choose from, and the reason page. */
static void
check_access_pages (const char *language)
{
  GtkWidget *holder = gtk_window_new ();
  SaAccessRequestWizard *wizard;

  sa_test_set_language (language);
  sa_test_remove_draft (SA_DRAFT_ACCESS_REQUEST);
  too_wide = g_string_new (NULL);
  narrow_window (holder);
  gtk_window_present (GTK_WINDOW (holder));
  wizard = sa_access_request_wizard_new (sandbox->client, GTK_WINDOW (holder), NULL);
  narrow_window (GTK_WIDGET (wizard));
  gtk_window_present (GTK_WINDOW (wizard));
  g_assert_true (sa_test_wait_until (sa_test_access_wizard_ready, wizard, 30000));
  sa_access_request_wizard_next (wizard);
  sa_access_request_wizard_set_domain (wizard, "groupe-hexagone.example");
  sa_access_request_wizard_submit_domain (wizard);
  g_assert_true (sa_test_wait_until (sa_test_access_wizard_ready, wizard, 30000));
  g_assert_cmpuint (g_list_model_get_n_items (sa_access_request_wizard_get_candidates (wizard)), >=, 2);
  check_narrow (GTK_WIDGET (wizard), language, "access-request-chooser");
  {
    g_autoptr(SaSmartAccount) first = g_list_model_get_item (sa_access_request_wizard_get_candidates (wizard), 0);

    g_assert_true (sa_access_request_wizard_select_candidate (wizard, sa_smart_account_get_id (first)));
  }
  sa_access_request_wizard_next (wizard);
  sa_access_request_wizard_set_reason (wizard, "Nous gérons le renouvellement Wi-Fi des sites de Lyon.");
  check_narrow (GTK_WIDGET (wizard), language, "access-request-reason");
  gtk_window_destroy (GTK_WINDOW (wizard));
  gtk_window_destroy (GTK_WINDOW (holder));
  sa_test_wait_ms (200);
  sa_test_remove_draft (SA_DRAFT_ACCESS_REQUEST);

  if (too_wide->len > 0)
    g_error ("Wider than %d px in %s:%s", NARROW, language, too_wide->str);
  g_string_free (too_wide, TRUE);
}

static void
test_access_pages (gconstpointer language)
{
  check_access_pages (language);
}

static void
test_wizard_pages (gconstpointer language)
{
  check_wizard_pages (language);
}

static void
test_hand_off (gconstpointer language)
{
  check_hand_off (language);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  sa_test_init_gtk (&argc, &argv);
  sandbox = sa_test_sandbox_new ();

  g_test_add_func ("/ui/narrow/english", test_english);
  g_test_add_func ("/ui/narrow/french", test_french);
  g_test_add_func ("/ui/narrow/italian", test_italian);
  g_test_add_data_func ("/ui/narrow/wizard-pages/english", "en", test_wizard_pages);
  g_test_add_data_func ("/ui/narrow/wizard-pages/french", "fr", test_wizard_pages);
  g_test_add_data_func ("/ui/narrow/wizard-pages/italian", "it", test_wizard_pages);
  g_test_add_data_func ("/ui/narrow/access-pages/english", "en", test_access_pages);
  g_test_add_data_func ("/ui/narrow/access-pages/french", "fr", test_access_pages);
  g_test_add_data_func ("/ui/narrow/access-pages/italian", "it", test_access_pages);
  g_test_add_data_func ("/ui/narrow/hand-off/english", "en", test_hand_off);
  g_test_add_data_func ("/ui/narrow/hand-off/french", "fr", test_hand_off);
  g_test_add_data_func ("/ui/narrow/hand-off/italian", "it", test_hand_off);

  ret = g_test_run ();

  sa_test_sandbox_free (sandbox);

  return ret;
}
