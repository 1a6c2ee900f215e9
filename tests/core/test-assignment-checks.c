/* test-assignment-checks.c — the checks the Assign Smart Account dialog applies
 *
 * Step 7 of "Updating Smart Account Assignment in CCW": type against slot,
 * Pending and Expired accounts, double-byte Virtual Account names, and the
 * exact match among a substring search's results.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "core-test-util.h"
#include "sa-assignment-checks.h"

static void
test_double_byte (void)
{
  g_assert_true (sa_text_has_double_byte ("東京支社"));
  g_assert_true (sa_text_has_double_byte ("Sales ｵｰｻｶ 大阪"));
  g_assert_true (sa_text_has_double_byte ("서울"));
  g_assert_true (sa_text_has_double_byte ("ＡＢＣ"));  /* full-width Latin */
  g_assert_false (sa_text_has_double_byte ("DEFAULT"));
  g_assert_false (sa_text_has_double_byte ("Île-de-France — Süd"));
  g_assert_false (sa_text_has_double_byte (""));
  g_assert_false (sa_text_has_double_byte (NULL));
  g_assert_false (sa_text_has_double_byte ("\xff\xfe"));
}

static void
test_check (void)
{
  g_autoptr(SaSmartAccount) active = sa_smart_account_new (NULL, "acme-industrie.fr", "Acme Industrie",
                                                           SA_ACCOUNT_TYPE_CUSTOMER, SA_ACCOUNT_STATUS_ACTIVE, NULL);
  g_autoptr(SaSmartAccount) pending = sa_smart_account_new (NULL, "trattoria.example", "Trattoria",
                                                            SA_ACCOUNT_TYPE_CUSTOMER, SA_ACCOUNT_STATUS_PENDING, NULL);
  g_autoptr(SaSmartAccount) expired = sa_smart_account_new (NULL, "old.example", "Old",
                                                            SA_ACCOUNT_TYPE_CUSTOMER, SA_ACCOUNT_STATUS_EXPIRED, NULL);
  g_autoptr(SaSmartAccount) holding = sa_smart_account_new (NULL, "partner.example", "Partner Holding",
                                                            SA_ACCOUNT_TYPE_HOLDING, SA_ACCOUNT_STATUS_ACTIVE, NULL);
  g_autoptr(SaVirtualAccount) va_default = sa_virtual_account_new ("DEFAULT", TRUE, NULL);
  g_autoptr(SaVirtualAccount) va_tokyo = sa_virtual_account_new ("東京支社", FALSE, NULL);
  SaAssignmentProblems problems;

  g_assert_cmpint (sa_assignment_check (SA_ACCOUNT_TYPE_CUSTOMER, NULL, NULL), ==, SA_ASSIGNMENT_PROBLEM_NONE);
  g_assert_cmpint (sa_assignment_check (SA_ACCOUNT_TYPE_CUSTOMER, active, va_default), ==, SA_ASSIGNMENT_PROBLEM_NONE);
  g_assert_cmpint (sa_assignment_check (SA_ACCOUNT_TYPE_HOLDING, holding, va_default), ==, SA_ASSIGNMENT_PROBLEM_NONE);

  problems = sa_assignment_check (SA_ACCOUNT_TYPE_HOLDING, active, NULL);
  g_assert_cmpint (problems, ==, SA_ASSIGNMENT_PROBLEM_WRONG_TYPE);
  g_assert_true (sa_assignment_problems_block (problems));
  problems = sa_assignment_check (SA_ACCOUNT_TYPE_CUSTOMER, holding, NULL);
  g_assert_cmpint (problems, ==, SA_ASSIGNMENT_PROBLEM_WRONG_TYPE);

  /* Pending: allowed (the note of step 7), licenses wait. */
  problems = sa_assignment_check (SA_ACCOUNT_TYPE_CUSTOMER, pending, va_default);
  g_assert_cmpint (problems, ==, SA_ASSIGNMENT_PROBLEM_PENDING);
  g_assert_false (sa_assignment_problems_block (problems));

  problems = sa_assignment_check (SA_ACCOUNT_TYPE_CUSTOMER, expired, NULL);
  g_assert_cmpint (problems, ==, SA_ASSIGNMENT_PROBLEM_EXPIRED);
  g_assert_true (sa_assignment_problems_block (problems));

  /* Double-byte: allowed here, the portal will not list it (the caution). */
  problems = sa_assignment_check (SA_ACCOUNT_TYPE_CUSTOMER, active, va_tokyo);
  g_assert_cmpint (problems, ==, SA_ASSIGNMENT_PROBLEM_DOUBLE_BYTE_VIRTUAL_ACCOUNT);
  g_assert_false (sa_assignment_problems_block (problems));

  problems = sa_assignment_check (SA_ACCOUNT_TYPE_CUSTOMER, pending, va_tokyo);
  g_assert_cmpint (problems, ==, SA_ASSIGNMENT_PROBLEM_PENDING | SA_ASSIGNMENT_PROBLEM_DOUBLE_BYTE_VIRTUAL_ACCOUNT);
}

static void
test_exact_match (void)
{
  GListStore *store = g_list_store_new (SA_TYPE_SMART_ACCOUNT);
  g_autoptr(GListModel) results = G_LIST_MODEL (store);
  g_autoptr(SaSmartAccount) wework = sa_smart_account_new ("1", "wework.com", "WeWork",
                                                           SA_ACCOUNT_TYPE_CUSTOMER, SA_ACCOUNT_STATUS_ACTIVE,
                                                           "it@wework.com");
  g_autoptr(SaSmartAccount) work = sa_smart_account_new ("2", "work.com", "Work Inc",
                                                         SA_ACCOUNT_TYPE_CUSTOMER, SA_ACCOUNT_STATUS_ACTIVE, NULL);

  /* Cisco's substring search: "work.com" finds "wework.com" too. */
  g_list_store_append (store, wework);
  g_assert_false (sa_accounts_have_exact_match (results, SA_ACCOUNT_SEARCH_DOMAIN, "work.com"));
  g_assert_true (sa_accounts_have_exact_match (results, SA_ACCOUNT_SEARCH_DOMAIN, "WeWork.com"));
  g_list_store_append (store, work);
  g_assert_true (sa_accounts_have_exact_match (results, SA_ACCOUNT_SEARCH_DOMAIN, "work.com"));

  g_assert_true (sa_smart_account_matches_exactly (work, SA_ACCOUNT_SEARCH_NAME, "  work inc "));
  g_assert_false (sa_smart_account_matches_exactly (work, SA_ACCOUNT_SEARCH_NAME, "Work"));
  g_assert_true (sa_smart_account_matches_exactly (wework, SA_ACCOUNT_SEARCH_EMAIL, "IT@wework.com"));
  g_assert_false (sa_smart_account_matches_exactly (work, SA_ACCOUNT_SEARCH_EMAIL, "it@work.com"));
  g_assert_false (sa_smart_account_matches_exactly (work, SA_ACCOUNT_SEARCH_DOMAIN, NULL));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/assignment-checks/double-byte", test_double_byte);
  g_test_add_func ("/assignment-checks/check", test_check);
  g_test_add_func ("/assignment-checks/exact-match", test_exact_match);

  return g_test_run ();
}
