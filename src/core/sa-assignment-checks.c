/* sa-assignment-checks.c — the documented checks before an order is assigned
 *
 * Step 7 of "Updating Smart Account Assignment in CCW" and its note and
 * caution, as checks the Assign Smart Account dialog applies before anything
 * is submitted, whichever back end answered the search: the account exists
 * (Cisco's search matches substrings, so the exact account is looked for),
 * its type fits the slot being edited, it is not Pending (allowed, licenses
 * wait) nor Expired, and the Virtual Account's name has no double-byte
 * characters (the portal does not list those: DEFAULT, then a transfer). No
 * GTK: the dialog words the notes (src/ui/orders/sa-assign-checks.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sa-assignment-checks.h"

/**
 * sa_text_has_double_byte:
 * @text: (nullable): UTF-8 text, e.g. a Virtual Account name
 *
 * Whether @text holds a character that takes two columns in East Asian
 * typography (g_unichar_iswide(): kana, kanji, hangul, full-width forms):
 * the "double-byte characters (for example, Japanese characters)" that the
 * portal's Virtual Account Name list does not show (step 7's caution).
 * Invalid UTF-8 counts as none.
 *
 * Returns: %TRUE when @text has such a character
 */
gboolean
sa_text_has_double_byte (const char *text)
{
  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_iswide (g_utf8_get_char (p)))
      return TRUE;

  return FALSE;
}

/**
 * sa_assignment_check:
 * @slot: the slot being edited: %SA_ACCOUNT_TYPE_CUSTOMER (End Customer Smart
 *   Account) or %SA_ACCOUNT_TYPE_HOLDING (Holding Smart Account)
 * @account: (nullable): the Smart Account picked in the search results
 * @virtual_account: (nullable): the Virtual Account picked for it
 *
 * Applies the checks of step 7 of "Updating Smart Account Assignment in CCW"
 * to a choice, before Assign: type against slot, Expired, Pending (its
 * note), a double-byte Virtual Account name (its caution).
 *
 * Returns: the problems found, %SA_ASSIGNMENT_PROBLEM_NONE when none (or
 *   nothing is picked)
 */
SaAssignmentProblems
sa_assignment_check (SaAccountType     slot,
                     SaSmartAccount   *account,
                     SaVirtualAccount *virtual_account)
{
  SaAssignmentProblems problems = SA_ASSIGNMENT_PROBLEM_NONE;

  g_return_val_if_fail (account == NULL || SA_IS_SMART_ACCOUNT (account), SA_ASSIGNMENT_PROBLEM_NONE);
  g_return_val_if_fail (virtual_account == NULL || SA_IS_VIRTUAL_ACCOUNT (virtual_account),
                        SA_ASSIGNMENT_PROBLEM_NONE);

  if (account != NULL)
    {
      if (sa_smart_account_get_account_type (account) != slot)
        problems |= SA_ASSIGNMENT_PROBLEM_WRONG_TYPE;

      switch (sa_smart_account_get_status (account))
        {
        case SA_ACCOUNT_STATUS_PENDING:
          problems |= SA_ASSIGNMENT_PROBLEM_PENDING;
          break;
        case SA_ACCOUNT_STATUS_EXPIRED:
          problems |= SA_ASSIGNMENT_PROBLEM_EXPIRED;
          break;
        case SA_ACCOUNT_STATUS_ACTIVE:
        default:
          break;
        }
    }

  if (virtual_account != NULL &&
      sa_text_has_double_byte (sa_virtual_account_get_name (virtual_account)))
    problems |= SA_ASSIGNMENT_PROBLEM_DOUBLE_BYTE_VIRTUAL_ACCOUNT;

  return problems;
}

/**
 * sa_assignment_problems_block:
 * @problems: what sa_assignment_check() found
 *
 * Returns: %TRUE when the choice cannot be assigned (wrong type, Expired);
 *   Pending and a double-byte name are warnings, as the documents allow them
 */
gboolean
sa_assignment_problems_block (SaAssignmentProblems problems)
{
  return (problems & (SA_ASSIGNMENT_PROBLEM_WRONG_TYPE | SA_ASSIGNMENT_PROBLEM_EXPIRED)) != 0;
}

/**
 * sa_smart_account_matches_exactly:
 * @account: a Smart Account from a search
 * @field: what was searched: Domain Identifier, Account Name or Email ID
 * @value: what was typed
 *
 * Whether @account is exactly what was searched for (domain and e-mail
 * without regard to case, name without regard to case and surrounding
 * spaces): Cisco's search returns every account whose domain or name
 * *contains* @value, so "the account exists" means an exact match among
 * them (CISCO-APIS.md §5.2, step 6 of "assign an order").
 *
 * Returns: %TRUE on an exact match
 */
gboolean
sa_smart_account_matches_exactly (SaSmartAccount       *account,
                                  SaAccountSearchField  field,
                                  const char           *value)
{
  g_autofree char *wanted = NULL;
  g_autofree char *have = NULL;
  g_autofree char *value_copy = NULL;
  g_autofree char *text_copy = NULL;
  const char *text;

  g_return_val_if_fail (SA_IS_SMART_ACCOUNT (account), FALSE);

  if (value == NULL)
    return FALSE;

  switch (field)
    {
    case SA_ACCOUNT_SEARCH_NAME:
      text = sa_smart_account_get_name (account);
      break;
    case SA_ACCOUNT_SEARCH_EMAIL:
      text = sa_smart_account_get_email (account);
      break;
    case SA_ACCOUNT_SEARCH_DOMAIN:
    default:
      text = sa_smart_account_get_domain (account);
      break;
    }

  if (text == NULL)
    return FALSE;

  value_copy = g_strdup (value);
  text_copy = g_strdup (text);
  wanted = g_utf8_casefold (g_strstrip (value_copy), -1);
  have = g_utf8_casefold (g_strstrip (text_copy), -1);

  return g_strcmp0 (wanted, have) == 0;
}

/**
 * sa_accounts_have_exact_match:
 * @accounts: a #GListModel of #SaSmartAccount, a search's results
 * @field: what was searched
 * @value: what was typed
 *
 * Returns: %TRUE when one of @accounts is exactly @value (see
 *   sa_smart_account_matches_exactly())
 */
gboolean
sa_accounts_have_exact_match (GListModel           *accounts,
                              SaAccountSearchField  field,
                              const char           *value)
{
  g_return_val_if_fail (G_IS_LIST_MODEL (accounts), FALSE);

  for (guint i = 0; i < g_list_model_get_n_items (accounts); i++)
    {
      g_autoptr(SaSmartAccount) account = g_list_model_get_item (accounts, i);

      if (sa_smart_account_matches_exactly (account, field, value))
        return TRUE;
    }

  return FALSE;
}
