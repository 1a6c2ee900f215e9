/* test-ui-licenses.c — "Where are my licenses?" under Xvfb, each case, three languages
 *
 * Drives the real SaLicenseFinder (with its answer, its check rows and its
 * license rows) against the Cisco test double over loopback, through
 * SaCiscoClient: not shipped, shipped and deposited (where: Smart Account and
 * Virtual Account), a Pending account of the user's, an order that may sit on
 * a Holding account only (what Cisco's APIs cannot tell), not found
 * (OSA001) — each in English, French and Italian, the headings compared with
 * their literal translations. Then the Desk back end (the training sandbox),
 * which knows the assignment: a shipped order on a Holding Smart Account
 * only. And the ways in: the primary menu's action with Ctrl+L, a number
 * refused before anything is asked, an error from Cisco.
 *
 * With SA_TEST_SCREENSHOT_DIR set, each answer is saved there as
 * licenses-<case>-<language>.png for review.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sa-cisco-views-test.h"
#include "sa-license-answer.h"
#include "sa-license-check-row.h"
#include "sa-license-finder.h"
#include "sa-ui-test-util.h"

#define FINDER_CHILD(finder, name) SA_TEST_CHILD (finder, SA_TYPE_LICENSE_FINDER, name)

#define CCW_URI  "https://apps.cisco.com/Commerce/order"
#define SCM_URI  "https://mycase.cloudapps.cisco.com/case"
#define CSC_URI  "https://software.cisco.com/"

typedef struct
{
  const char *language;
  const char *not_found;
  const char *deposited;
  const char *not_shipped;
  const char *pending;
  const char *holding_only;
  const char *cannot_tell;
  const char *shipped_check;   /* the title of the "has shipped" check */
  const char *smart_account;   /* the glossary's "Smart Account" as the texts write it */
} Words;

static const Words english = {
  .language = "en",
  .not_found = "Order Not Found",
  .deposited = "Your Licenses Are in a Smart Account",
  .not_shipped = "The Order Has Not Shipped Yet",
  .pending = "The Smart Account Is Still Pending",
  .holding_only = "Assigned Only to a Holding Smart Account",
  .cannot_tell = "Cisco's APIs Cannot Tell Why",
  .shipped_check = "The order has shipped",
  .smart_account = "Smart Account",
};

static const Words french = {
  .language = "fr",
  .not_found = "Commande introuvable",
  .deposited = "Vos licences sont dans un compte Smart",
  .not_shipped = "La commande n'est pas encore expédiée",
  .pending = "Le compte Smart est toujours en attente",
  .holding_only = "Affectée uniquement à un compte provisoire (partenaire)",
  .cannot_tell = "Les API de Cisco ne permettent pas de savoir pourquoi",
  .shipped_check = "La commande est expédiée",
  .smart_account = "compte Smart",
};

static const Words italian = {
  .language = "it",
  .not_found = "Ordine non trovato",
  .deposited = "Le tue licenze sono in uno Smart Account",
  .not_shipped = "L'ordine non è ancora stato spedito",
  .pending = "Lo Smart Account è ancora in sospeso",
  .holding_only = "Assegnato solo a uno Smart Account di attesa",
  .cannot_tell = "Le API di Cisco non permettono di sapere perché",
  .shipped_check = "L'ordine è stato spedito",
  .smart_account = "Smart Account",
};

static const Words * const languages[] = { &english, &french, &italian };

static gboolean
finder_answered (gpointer user_data)
{
  SaLicenseFinder *finder = user_data;

  return !sa_license_finder_get_loading (finder) &&
         (sa_license_finder_get_diagnosis (finder) != NULL ||
          sa_license_finder_get_error_message (finder) != NULL);
}

/* Opens the finder on @client, checks @number, waits for the answer. */
static SaLicenseFinder *
check (SaClient   *client,
       const char *number)
{
  SaLicenseFinder *finder = sa_license_finder_new (client, NULL);

  gtk_window_present (GTK_WINDOW (finder));
  sa_license_finder_check (finder, SA_ORDER_SEARCH_SALES_ORDER_NUMBER, number);
  g_assert_true (sa_license_finder_get_loading (finder));
  g_assert_true (sa_test_wait_until (finder_answered, finder, 30000));
  g_assert_null (sa_license_finder_get_error_message (finder));
  g_assert_nonnull (sa_license_finder_get_diagnosis (finder));

  return finder;
}

static SaLicenseAnswer *
get_answer (SaLicenseFinder *finder)
{
  return SA_LICENSE_ANSWER (FINDER_CHILD (finder, "answer"));
}

static SaLicenseCheckRow *
get_check_row (SaLicenseFinder *finder,
               SaLicenseCheck   check)
{
  g_autofree char *name = g_strdup_printf ("check_row_%u", (guint) check);

  return SA_LICENSE_CHECK_ROW (FINDER_CHILD (finder, name));
}

static void
assert_contains (const char *text,
                 const char *part)
{
  if (text == NULL || strstr (text, part) == NULL)
    g_error ("“%s” does not contain “%s”", text ? text : "(null)", part);
}

/* The answer shown: verdict, heading (literal), what the text names, the link. */
static void
assert_answer (SaLicenseFinder  *finder,
               SaLicenseVerdict  verdict,
               const char       *heading,
               const char       *uri)
{
  SaLicenseAnswer *answer = get_answer (finder);

  g_assert_cmpint (sa_license_diagnosis_get_verdict (sa_license_finder_get_diagnosis (finder)), ==, verdict);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (answer)));
  g_assert_cmpstr (sa_license_answer_get_heading (answer), ==, heading);
  g_assert_cmpstr (sa_license_answer_get_uri (answer), ==, uri);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (FINDER_CHILD (finder, "state_stack"))), ==, "answer");
}

static void
assert_outcome (SaLicenseFinder       *finder,
                SaLicenseCheck         check,
                SaLicenseCheckOutcome  outcome)
{
  g_assert_cmpint (sa_license_check_row_get_outcome (get_check_row (finder, check)), ==, outcome);
}

static void
finish (SaLicenseFinder *finder,
        const char      *name,
        const Words     *words)
{
  sa_cisco_test_screenshot (GTK_WIDGET (finder), "licenses-%s-%s", name, words->language);
  gtk_window_destroy (GTK_WINDOW (finder));
}

/* ------------------------------------------------------------------------ */
/* Cisco */

static void
test_not_shipped (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      CiscoMimic *mimic = cisco_mimic_new (NULL);
      g_autoptr(SaClient) client = NULL;
      SaLicenseFinder *finder;
      const char *text;

      sa_test_set_language (languages[i]->language);
      sa_cisco_test_serve_order (mimic, "104857700", "Booked", NULL);
      client = sa_cisco_test_client_new (mimic);
      finder = check (client, "104857700");

      assert_answer (finder, SA_LICENSE_VERDICT_NOT_SHIPPED, languages[i]->not_shipped, CCW_URI);
      text = sa_license_answer_get_text (get_answer (finder));
      assert_contains (text, "104857700");
      /* Cisco's status, as Cisco wrote it. */
      assert_contains (text, "Booked");
      assert_contains (text, "Cisco Commerce Workspace (CCW)");
      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (get_check_row (finder, SA_LICENSE_CHECK_SHIPPED))),
                       ==, languages[i]->shipped_check);
      assert_outcome (finder, SA_LICENSE_CHECK_ORDER_FOUND, SA_LICENSE_OUTCOME_PASSED);
      assert_outcome (finder, SA_LICENSE_CHECK_SHIPPED, SA_LICENSE_OUTCOME_FAILED);
      assert_outcome (finder, SA_LICENSE_CHECK_LICENSES_ARRIVED, SA_LICENSE_OUTCOME_FAILED);
      /* What Cisco does not publish is said so, not guessed. */
      assert_outcome (finder, SA_LICENSE_CHECK_NO_EXPORT_HOLD, SA_LICENSE_OUTCOME_UNKNOWN);
      assert_outcome (finder, SA_LICENSE_CHECK_END_CUSTOMER_ASSIGNED, SA_LICENSE_OUTCOME_UNKNOWN);
      g_assert_false (gtk_widget_get_visible (FINDER_CHILD (finder, "licenses_group")));

      finish (finder, "not-shipped", languages[i]);
      cisco_mimic_free (mimic);
    }
}

static void
test_deposited (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      CiscoMimic *mimic = cisco_mimic_new (NULL);
      g_autoptr(SaClient) client = NULL;
      SaLicenseFinder *finder;
      GtkListBoxRow *row;
      const char *text;

      sa_test_set_language (languages[i]->language);
      client = sa_cisco_test_client_new (mimic);
      /* The double's shipped order, whose licenses are in Acme's 東京支社. */
      finder = check (client, "104857999");

      assert_answer (finder, SA_LICENSE_VERDICT_DEPOSITED, languages[i]->deposited, CSC_URI);
      text = sa_license_answer_get_text (get_answer (finder));
      assert_contains (text, "104857999");
      assert_contains (text, "Acme Industrie");
      assert_contains (text, "東京支社");
      assert_contains (text, "2 ");
      for (SaLicenseCheck c = SA_LICENSE_CHECK_ORDER_FOUND; c < SA_LICENSE_N_CHECKS; c++)
        assert_outcome (finder, c, SA_LICENSE_OUTCOME_PASSED);

      /* The licenses, each with its Smart Account and Virtual Account. */
      g_assert_true (gtk_widget_get_visible (FINDER_CHILD (finder, "licenses_group")));
      row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (FINDER_CHILD (finder, "licenses_list")), 0);
      g_assert_nonnull (row);
      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Catalyst 9300 DNA Essentials");
      assert_contains (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "東京支社");
      assert_contains (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Acme Industrie");
      g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (FINDER_CHILD (finder, "licenses_list")), 1));

      finish (finder, "deposited", languages[i]);
      cisco_mimic_free (mimic);
    }
}

static void
test_pending (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      CiscoMimic *mimic = cisco_mimic_new (NULL);
      g_autoptr(SaClient) client = NULL;
      SaLicenseFinder *finder;
      const char *text;

      sa_test_set_language (languages[i]->language);
      sa_cisco_test_serve_order (mimic, "104857800", "Shipped", NULL);
      sa_cisco_test_serve_my_accounts (mimic,
                                       "acme-industrie.fr", "Acme Industrie", "CUSTOMER", "Active",
                                       "trattoria-mario.example", "Trattoria Da Mario", "CUSTOMER", "Pending",
                                       NULL);
      client = sa_cisco_test_client_new (mimic);
      finder = check (client, "104857800");

      assert_answer (finder, SA_LICENSE_VERDICT_ACCOUNT_PENDING, languages[i]->pending, CCW_URI);
      text = sa_license_answer_get_text (get_answer (finder));
      assert_contains (text, "104857800");
      assert_contains (text, "Trattoria Da Mario");
      assert_contains (adw_action_row_get_subtitle (ADW_ACTION_ROW (get_check_row (finder, SA_LICENSE_CHECK_ACCOUNT_ACTIVE))),
                       "Trattoria Da Mario");
      assert_outcome (finder, SA_LICENSE_CHECK_SHIPPED, SA_LICENSE_OUTCOME_PASSED);
      assert_outcome (finder, SA_LICENSE_CHECK_LICENSES_ARRIVED, SA_LICENSE_OUTCOME_FAILED);
      assert_outcome (finder, SA_LICENSE_CHECK_ACCOUNT_ACTIVE, SA_LICENSE_OUTCOME_FAILED);

      finish (finder, "pending", languages[i]);
      cisco_mimic_free (mimic);
    }
}

static void
test_holding_only_cisco (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      CiscoMimic *mimic = cisco_mimic_new (NULL);
      g_autoptr(SaClient) client = NULL;
      SaLicenseFinder *finder;
      const char *text;

      sa_test_set_language (languages[i]->language);
      sa_cisco_test_serve_order (mimic, "104857900", "Shipped", NULL);
      sa_cisco_test_serve_my_accounts (mimic,
                                       "acme-industrie.fr", "Acme Industrie", "CUSTOMER", "Active",
                                       "acme-holding.example", "Acme Partner Holding", "HOLDING", "Active",
                                       NULL);
      client = sa_cisco_test_client_new (mimic);
      finder = check (client, "104857900");

      /* Cisco publishes no assignment: the answer names the user's Holding
       * Smart Account as what may be the cause, and sends to CCW. */
      assert_answer (finder, SA_LICENSE_VERDICT_CANNOT_TELL, languages[i]->cannot_tell, CCW_URI);
      text = sa_license_answer_get_text (get_answer (finder));
      assert_contains (text, "104857900");
      assert_contains (text, "Acme Partner Holding");
      assert_contains (text, "(SCM)");
      assert_outcome (finder, SA_LICENSE_CHECK_NO_EXPORT_HOLD, SA_LICENSE_OUTCOME_UNKNOWN);
      assert_outcome (finder, SA_LICENSE_CHECK_END_CUSTOMER_ASSIGNED, SA_LICENSE_OUTCOME_UNKNOWN);

      finish (finder, "holding-only-cisco", languages[i]);
      cisco_mimic_free (mimic);
    }
}

static void
test_not_found (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      CiscoMimic *mimic = cisco_mimic_new (NULL);
      g_autoptr(SaClient) client = NULL;
      SaLicenseFinder *finder;

      sa_test_set_language (languages[i]->language);
      client = sa_cisco_test_client_new (mimic);
      /* OSA001: not found, or not visible to the API application. */
      finder = check (client, "999999999");

      assert_answer (finder, SA_LICENSE_VERDICT_ORDER_NOT_FOUND, languages[i]->not_found, CCW_URI);
      assert_contains (sa_license_answer_get_text (get_answer (finder)), "999999999");
      assert_outcome (finder, SA_LICENSE_CHECK_ORDER_FOUND, SA_LICENSE_OUTCOME_FAILED);
      assert_outcome (finder, SA_LICENSE_CHECK_SHIPPED, SA_LICENSE_OUTCOME_SKIPPED);
      /* No license search for an order nobody can see. */
      g_assert_cmpuint (cisco_mimic_count (mimic, MIMIC_SAL_PATH), ==, 0);

      finish (finder, "not-found", languages[i]);
      cisco_mimic_free (mimic);
    }
}

static void
test_refused_and_failed (void)
{
  CiscoMimic *mimic = cisco_mimic_new (NULL);
  g_autoptr(SaClient) client = NULL;
  SaLicenseFinder *finder;

  sa_test_set_language ("en");
  client = sa_cisco_test_client_new (mimic);
  finder = sa_license_finder_new (client, NULL);
  gtk_window_present (GTK_WINDOW (finder));

  /* A number that is no Sales Order No.: said under the entry, nothing asked. */
  cisco_mimic_reset_log (mimic);
  sa_license_finder_check (finder, SA_ORDER_SEARCH_SALES_ORDER_NUMBER, "not a number");
  g_assert_false (sa_license_finder_get_loading (finder));
  g_assert_true (gtk_widget_get_visible (FINDER_CHILD (finder, "input_error_label")));
  g_assert_cmpuint (cisco_mimic_count (mimic, "/"), ==, 0);

  /* Cisco refuses (API access not approved): its sentence, not an answer. */
  cisco_mimic_add_fault (mimic, MIMIC_ORDER_PATH, 1, 403, "application/json",
                         "{\"error\":\"Invalid Client\",\"error_description\":\"Invalid Client\"}", NULL);
  sa_license_finder_check (finder, SA_ORDER_SEARCH_SALES_ORDER_NUMBER, "104857601");
  g_assert_false (gtk_widget_get_visible (FINDER_CHILD (finder, "input_error_label")));
  g_assert_true (sa_test_wait_until (finder_answered, finder, 30000));
  g_assert_null (sa_license_finder_get_diagnosis (finder));
  g_assert_nonnull (sa_license_finder_get_error_message (finder));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (FINDER_CHILD (finder, "state_stack"))), ==, "error");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (FINDER_CHILD (finder, "error_label"))), ==,
                   sa_license_finder_get_error_message (finder));

  /* And by Web Order No.: found through the order search, then by its Sales Order No. */
  sa_license_finder_check (finder, SA_ORDER_SEARCH_WEB_ORDER_ID, "WO73910452");
  g_assert_true (sa_test_wait_until (finder_answered, finder, 30000));
  g_assert_nonnull (sa_license_finder_get_diagnosis (finder));
  g_assert_cmpstr (sa_license_diagnosis_get_order_number (sa_license_finder_get_diagnosis (finder)), ==, "104857601");

  gtk_window_destroy (GTK_WINDOW (finder));
  cisco_mimic_free (mimic);
}

/* ------------------------------------------------------------------------ */
/* The Desk back end (training sandbox): the assignment is known. */

static gboolean
is_holding_only_any (SaOrder *order)
{
  return sa_order_get_end_customer (order) == NULL && sa_order_get_holding (order) != NULL;
}

static void
test_holding_only_desk (void)
{
  SaTestSandbox *sandbox = sa_test_sandbox_new ();
  g_autoptr(SaOrder) order = sa_test_find_order (sandbox->client, is_holding_only_any, NULL);
  const char *number;

  g_assert_nonnull (order);
  number = sa_order_get_sales_order_number (order);
  if (!sa_test_order_is_shipped (order))
    sa_test_ship_order (sandbox->client, number);

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      SaLicenseFinder *finder;
      const char *text;

      sa_test_set_language (languages[i]->language);
      finder = check (sandbox->client, number);

      assert_answer (finder, SA_LICENSE_VERDICT_HOLDING_ONLY, languages[i]->holding_only, SCM_URI);
      text = sa_license_answer_get_text (get_answer (finder));
      assert_contains (text, number);
      assert_contains (text, sa_assignment_get_name (sa_order_get_holding (order)));
      assert_outcome (finder, SA_LICENSE_CHECK_SHIPPED, SA_LICENSE_OUTCOME_PASSED);
      /* The Desk lists no licenses: said so, not counted as "none". */
      assert_outcome (finder, SA_LICENSE_CHECK_LICENSES_ARRIVED, SA_LICENSE_OUTCOME_UNKNOWN);
      assert_outcome (finder, SA_LICENSE_CHECK_NO_EXPORT_HOLD, SA_LICENSE_OUTCOME_PASSED);
      assert_outcome (finder, SA_LICENSE_CHECK_END_CUSTOMER_ASSIGNED, SA_LICENSE_OUTCOME_FAILED);

      finish (finder, "holding-only-desk", languages[i]);
    }

  sa_test_sandbox_free (sandbox);
}

/* ------------------------------------------------------------------------ */
/* The ways in */

static gboolean
finder_open (gpointer user_data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (SA_IS_LICENSE_FINDER (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        {
          *(SaLicenseFinder **) user_data = SA_LICENSE_FINDER (window);
          return TRUE;
        }
    }

  return FALSE;
}

static void
test_from_window (void)
{
  CiscoMimic *mimic = cisco_mimic_new (NULL);
  g_autoptr(SaClient) client = NULL;
  SaLicenseFinder *finder = NULL;
  SaWindow *window;

  sa_test_set_language ("en");
  client = sa_cisco_test_client_new (mimic);
  window = sa_window_new (NULL);
  sa_window_set_client (window, client, FALSE);
  gtk_window_present (GTK_WINDOW (window));

  /* The primary menu's item and Ctrl+L: win.find-licenses with no number. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.find-licenses", "s", ""));
  g_assert_true (sa_test_wait_until (finder_open, &finder, 5000));
  g_assert_null (sa_license_finder_get_diagnosis (finder));
  g_assert_false (sa_license_finder_get_loading (finder));

  /* With a number (what an order page does): the same window, checking it. */
  g_assert_true (sa_window_find_licenses (window, "104857999") == finder);
  g_assert_true (sa_test_wait_until (finder_answered, finder, 30000));
  g_assert_cmpint (sa_license_diagnosis_get_verdict (sa_license_finder_get_diagnosis (finder)), ==,
                   SA_LICENSE_VERDICT_DEPOSITED);

  gtk_window_destroy (GTK_WINDOW (window));
  sa_test_wait_ms (50);
  cisco_mimic_free (mimic);
}

int
main (int    argc,
      char **argv)
{
  sa_test_init_gtk (&argc, &argv);

  g_test_add_func ("/licenses/cisco/not-shipped", test_not_shipped);
  g_test_add_func ("/licenses/cisco/deposited", test_deposited);
  g_test_add_func ("/licenses/cisco/pending", test_pending);
  g_test_add_func ("/licenses/cisco/holding-only", test_holding_only_cisco);
  g_test_add_func ("/licenses/cisco/not-found", test_not_found);
  g_test_add_func ("/licenses/cisco/refused-and-failed", test_refused_and_failed);
  g_test_add_func ("/licenses/desk/holding-only", test_holding_only_desk);
  g_test_add_func ("/licenses/window", test_from_window);

  return g_test_run ();
}
