/* test-ui-l10n.c — the order page and the Assign Smart Account dialog in
 * French and Italian use the glossary's terms
 *
 * The primary assertions compare the labels shown with the literal French and
 * Italian strings of GLOSSARY.md; g_dgettext() is only a secondary check.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sa-assign-dialog.h"
#include "sa-order-details.h"
#include "sa-order-page.h"
#include "sa-orders-view.h"
#include "sa-ui-test-util.h"
#include "sa-window.h"

static SaTestSandbox *sandbox;

typedef struct
{
  const char *language;
  const char *banner;              /* View or change Smart Account Assignments */
  const char *assign_title;        /* Assign Smart Account */
  const char *select_existing;     /* Select an Existing Account */
  const char *domain_identifier;   /* Domain Identifier */
  const char *account_name;        /* Account Name */
  const char *virtual_account_name;/* Virtual Account Name */
  const char *end_customer;        /* End Customer Smart Account */
  const char *holding;             /* Holding Smart Account */
  const char *search_by;           /* Search by */
  const char *assign;              /* Assign (button) */
  const char *submit;              /* Submit */
  const char *sales_order;         /* Sales Order No. */
  const char *web_order;           /* Web Order No. */
} Glossary;

static const Glossary french = {
  .language = "fr",
  .banner = "Afficher ou modifier les affectations de comptes Smart",
  .assign_title = "Attribuer un compte Smart",
  .select_existing = "Sélectionner un compte existant",
  .domain_identifier = "Identificateur de domaine",
  .account_name = "Nom du compte",
  .virtual_account_name = "Nom du compte virtuel",
  .end_customer = "compte Smart client final",
  .holding = "compte provisoire (partenaire)",
  .search_by = "Rechercher par",
  .assign = "Affecter",
  .submit = "Envoyer",
  .sales_order = "numéro de commande client",
  .web_order = "numéro de commande électronique",
};

static const Glossary italian = {
  .language = "it",
  .banner = "Visualizza o modifica le assegnazioni degli Smart Account",
  .assign_title = "Assegna Smart Account",
  .select_existing = "Seleziona un account esistente",
  .domain_identifier = "Identificatore di dominio",
  .account_name = "Nome account",
  .virtual_account_name = "Nome account virtuale",
  .end_customer = "Smart Account del cliente finale",
  .holding = "Smart Account di attesa",
  .search_by = "Cerca per",
  .assign = "Assegna",
  .submit = "Invia",
  .sales_order = "numero ordine di vendita",
  .web_order = "numero ordine web",
};

/* Exact, except for the case of the first letter: the glossary lists terms
 * in running-text case ("compte Smart client final"), a row title may start
 * with a capital. */
static void
assert_term (const char *shown,
             const char *expected)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  g_assert_nonnull (shown);
  if (g_strcmp0 (shown, expected) == 0)
    return;

  a = g_utf8_casefold (shown, -1);
  b = g_utf8_casefold (expected, -1);
  if (g_strcmp0 (a, b) != 0)
    g_error ("Label “%s” is not the glossary's “%s”", shown, expected);
}

/* Run once per language, with its Glossary as the test's data. */
static void
check_language (gconstpointer data)
{
  const Glossary *glossary = data;
  g_autoptr(SaOrder) order = NULL;
  SaWindow *window;
  SaOrdersView *view;
  SaOrderPage *page;
  SaAssignDialog *dialog;
  GListModel *model;

  sa_test_set_language (glossary->language);

  order = sa_test_find_order (sandbox->client, sa_test_order_is_holding_only, NULL);
  if (order == NULL)
    order = sa_test_find_order (sandbox->client, sa_test_order_is_changeable_without_end_customer, NULL);
  g_assert_nonnull (order);

  window = sa_window_new (NULL);
  sa_window_set_client (window, sandbox->client, TRUE);
  gtk_window_present (GTK_WINDOW (window));
  view = sa_window_get_orders_view (window);

  /* The Orders view's Search by drop-down. */
  model = gtk_drop_down_get_model (GTK_DROP_DOWN (SA_TEST_CHILD (view, SA_TYPE_ORDERS_VIEW, "search_by_dropdown")));
  assert_term (gtk_string_list_get_string (GTK_STRING_LIST (model), 0), glossary->sales_order);
  assert_term (gtk_string_list_get_string (GTK_STRING_LIST (model), 1), glossary->web_order);
  assert_term (gtk_label_get_text (GTK_LABEL (SA_TEST_CHILD (view, SA_TYPE_ORDERS_VIEW, "search_by_label"))),
               glossary->search_by);

  page = sa_orders_view_open_order (view, sa_order_get_sales_order_number (order));
  g_assert_true (sa_test_wait_until (sa_test_order_page_loaded, page, 30000));

  /* The banner, exactly. */
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (SA_TEST_CHILD (page, SA_TYPE_ORDER_PAGE, "banner_button"))), ==,
                   glossary->banner);
  /* Secondary: what the catalogue gives. */
  g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, "View or change Smart Account Assignments"), ==, glossary->banner);

  assert_term (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (SA_TEST_CHILD (page, SA_TYPE_ORDER_PAGE, "end_customer_row"))),
               glossary->end_customer);
  assert_term (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (SA_TEST_CHILD (page, SA_TYPE_ORDER_PAGE, "holding_row"))),
               glossary->holding);
  assert_term (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (SA_TEST_CHILD (SA_TEST_CHILD (page, SA_TYPE_ORDER_PAGE, "details"), SA_TYPE_ORDER_DETAILS, "sales_order_row"))),
               glossary->sales_order);
  assert_term (gtk_button_get_label (GTK_BUTTON (SA_TEST_CHILD (page, SA_TYPE_ORDER_PAGE, "submit_button"))),
               glossary->submit);

  /* The Assign Smart Account dialog. */
  g_signal_emit_by_name (SA_TEST_CHILD (page, SA_TYPE_ORDER_PAGE, "banner_button"), "clicked");
  g_signal_emit_by_name (SA_TEST_CHILD (page, SA_TYPE_ORDER_PAGE, "end_customer_edit_button"), "clicked");
  dialog = sa_order_page_get_assign_dialog (page);
  g_assert_nonnull (dialog);

  assert_term (gtk_window_get_title (GTK_WINDOW (dialog)), glossary->assign_title);
  model = gtk_drop_down_get_model (GTK_DROP_DOWN (SA_TEST_CHILD (dialog, SA_TYPE_ASSIGN_DIALOG, "options_dropdown")));
  assert_term (gtk_string_list_get_string (GTK_STRING_LIST (model), 0), glossary->select_existing);
  model = gtk_drop_down_get_model (GTK_DROP_DOWN (SA_TEST_CHILD (dialog, SA_TYPE_ASSIGN_DIALOG, "search_by_dropdown")));
  assert_term (gtk_string_list_get_string (GTK_STRING_LIST (model), 0), glossary->domain_identifier);
  assert_term (gtk_string_list_get_string (GTK_STRING_LIST (model), 1), glossary->account_name);
  assert_term (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (SA_TEST_CHILD (dialog, SA_TYPE_ASSIGN_DIALOG, "search_by_row"))),
               glossary->search_by);
  assert_term (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (SA_TEST_CHILD (dialog, SA_TYPE_ASSIGN_DIALOG, "va_row"))),
               glossary->virtual_account_name);
  {
    /* "_Assign": the glossary's term with an access key (issue 11). */
    g_autofree char *assign = sa_test_dup_without_mnemonic (gtk_button_get_label (GTK_BUTTON (SA_TEST_CHILD (dialog, SA_TYPE_ASSIGN_DIALOG, "assign_button"))));

    assert_term (assign, glossary->assign);
  }

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  sa_test_init_gtk (&argc, &argv);
  sandbox = sa_test_sandbox_new ();

  g_test_add_data_func ("/ui/l10n/french", &french, check_language);
  g_test_add_data_func ("/ui/l10n/italian", &italian, check_language);

  ret = g_test_run ();

  sa_test_sandbox_free (sandbox);

  return ret;
}
