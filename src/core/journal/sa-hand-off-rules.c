/* sa-hand-off-rules.c — what a hand-off must hold before it is kept, how long
 * a requested Smart Account may stay Pending, and the names and labels of
 * procedures, states and fields
 *
 * The rules depend on the hand-off alone (sa-hand-off.c holds the object):
 * the values each procedure needs in the portal, the 90 days a customer has
 * to accept a Smart Account (procedure 3); the names are those kept in the
 * journal, the labels those the UI and the CSV export show, in the portal's
 * words (GLOSSARY.md).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sa-hand-off.h"
#include "sa-journal.h"
#include "sa-journal-private.h"

static gboolean
is_blank (const char *value)
{
  if (value == NULL)
    return TRUE;
  while (g_ascii_isspace (*value))
    value++;
  return *value == '\0';
}

static gboolean
require (SaHandOff       *self,
         SaHandOffField   field,
         GError         **error)
{
  if (!is_blank (sa_hand_off_get_field (self, field)))
    return TRUE;

  /* Translators: %s names a prepared value ("Domain Identifier", "Virtual Account"…) */
  g_set_error (error, SA_JOURNAL_ERROR, SA_JOURNAL_ERROR_INVALID,
               _("This hand-off cannot be kept without its %s."),
               sa_hand_off_field_get_label (field));
  return FALSE;
}

/**
 * sa_hand_off_validate:
 * @self: an #SaHandOff
 * @error: return location for a #GError, or %NULL
 *
 * Checks that the values the procedure needs in the portal are there: the
 * order number or domain always; for procedures 1 and 2 the slot, the Domain
 * Identifier and the Virtual Account; for procedure 3 the Account Name and
 * Customer Email; for a license transfer the Domain Identifier and two
 * different Virtual Accounts. The journal refuses a hand-off that fails.
 *
 * Returns: %TRUE when complete; otherwise %FALSE with
 *   %SA_JOURNAL_ERROR_INVALID, whose translated message names what is missing
 */
gboolean
sa_hand_off_validate (SaHandOff  *self,
                      GError    **error)
{
  g_return_val_if_fail (SA_IS_HAND_OFF (self), FALSE);

  if (is_blank (sa_hand_off_get_subject (self)))
    {
      g_set_error_literal (error, SA_JOURNAL_ERROR, SA_JOURNAL_ERROR_INVALID,
                           _("This hand-off cannot be kept without its order number or domain."));
      return FALSE;
    }

  switch (sa_hand_off_get_procedure (self))
    {
    case SA_HAND_OFF_ASSIGN_ORDER:
    case SA_HAND_OFF_CHANGE_ASSIGNMENT:
      if (sa_hand_off_get_slot (self) == SA_HAND_OFF_SLOT_NONE)
        {
          g_set_error_literal (error, SA_JOURNAL_ERROR, SA_JOURNAL_ERROR_INVALID,
                               _("This hand-off cannot be kept without saying whether it sets the End Customer or the Holding Smart Account."));
          return FALSE;
        }
      return require (self, SA_HAND_OFF_FIELD_DOMAIN, error) &&
             require (self, SA_HAND_OFF_FIELD_VIRTUAL_ACCOUNT, error);
    case SA_HAND_OFF_REQUEST_SMART_ACCOUNT:
      return require (self, SA_HAND_OFF_FIELD_ACCOUNT_NAME, error) &&
             require (self, SA_HAND_OFF_FIELD_CUSTOMER_EMAIL, error);
    case SA_HAND_OFF_REQUEST_ACCESS:
      return require (self, SA_HAND_OFF_FIELD_DOMAIN, error);
    case SA_HAND_OFF_LICENSE_TRANSFER:
      if (!require (self, SA_HAND_OFF_FIELD_DOMAIN, error) ||
          !require (self, SA_HAND_OFF_FIELD_VIRTUAL_ACCOUNT, error) ||
          !require (self, SA_HAND_OFF_FIELD_INTENDED_VIRTUAL_ACCOUNT, error))
        return FALSE;
      if (!sa_hand_off_needs_transfer (self))
        {
          g_set_error_literal (error, SA_JOURNAL_ERROR, SA_JOURNAL_ERROR_INVALID,
                               _("A license transfer needs two different Virtual Accounts."));
          return FALSE;
        }
      return TRUE;
    default:
      g_set_error_literal (error, SA_JOURNAL_ERROR, SA_JOURNAL_ERROR_INVALID,
                           _("This hand-off cannot be kept without its order number or domain."));
      return FALSE;
    }
}

/**
 * sa_hand_off_dup_expiry:
 * @self: an #SaHandOff
 *
 * A requested Smart Account is created Pending customer acceptance and the
 * request expires if the customer does not accept within 90 days (procedure
 * 3): this is the hand-off date (or the creation date of a draft) plus 90 days.
 *
 * Returns: (transfer full) (nullable): when the request expires, in UTC;
 *   %NULL for the other procedures
 */
GDateTime *
sa_hand_off_dup_expiry (SaHandOff *self)
{
  g_return_val_if_fail (SA_IS_HAND_OFF (self), NULL);

  if (sa_hand_off_get_procedure (self) != SA_HAND_OFF_REQUEST_SMART_ACCOUNT)
    return NULL;

  return g_date_time_add_days (sa_hand_off_get_handed_off (self) != NULL ? sa_hand_off_get_handed_off (self)
                                                            : sa_hand_off_get_created (self),
                               SA_HAND_OFF_ACCEPTANCE_DAYS);
}

/**
 * sa_hand_off_get_days_left:
 * @self: an #SaHandOff
 * @now: the time to count from
 *
 * Whole days left before the request expires, counting a started day as a
 * day (89 days and 1 hour before the end gives 90; the last hour gives 1).
 *
 * Returns: days left, 0 once expired; -1 for procedures without expiry
 */
int
sa_hand_off_get_days_left (SaHandOff *self,
                           GDateTime *now)
{
  g_autoptr(GDateTime) expiry = NULL;
  GTimeSpan left;

  g_return_val_if_fail (SA_IS_HAND_OFF (self), -1);
  g_return_val_if_fail (now != NULL, -1);

  expiry = sa_hand_off_dup_expiry (self);
  if (expiry == NULL)
    return -1;

  left = g_date_time_difference (expiry, now);
  if (left <= 0)
    return 0;

  return (int) ((left + G_TIME_SPAN_DAY - 1) / G_TIME_SPAN_DAY);
}

/**
 * sa_hand_off_procedure_get_label:
 * @procedure: an #SaHandOffProcedure
 *
 * Returns: (transfer none): the translated name of the procedure, as the
 *   journal's lists and the CSV export show it
 */
const char *
sa_hand_off_procedure_get_label (SaHandOffProcedure procedure)
{
  switch (procedure)
    {
    case SA_HAND_OFF_ASSIGN_ORDER:
      return _("Assign an Order");
    case SA_HAND_OFF_CHANGE_ASSIGNMENT:
      return _("Change an Order’s Smart Account");
    case SA_HAND_OFF_REQUEST_SMART_ACCOUNT:
      return _("Request a Smart Account");
    case SA_HAND_OFF_REQUEST_ACCESS:
      return _("Request Access to an Existing Smart Account");
    case SA_HAND_OFF_LICENSE_TRANSFER:
      return _("License Transfer");
    default:
      return "";
    }
}

/**
 * sa_hand_off_state_get_label:
 * @state: an #SaHandOffState
 *
 * Returns: (transfer none): the translated state shown in the journal's
 *   lists and the CSV export
 */
const char *
sa_hand_off_state_get_label (SaHandOffState state)
{
  switch (state)
    {
    case SA_HAND_OFF_STATE_DRAFT:
      /* Translators: state of a hand-off to Cisco's portal */
      return C_("hand-off state", "Draft");
    case SA_HAND_OFF_STATE_HANDED_OFF:
      /* Translators: state of a hand-off: done in the portal, nothing seen yet */
      return C_("hand-off state", "Done in the portal");
    case SA_HAND_OFF_STATE_OBSERVED_PARTLY:
      /* Translators: state of a hand-off: part of the result seen */
      return C_("hand-off state", "Partly seen");
    case SA_HAND_OFF_STATE_CONFIRMED:
      return C_("hand-off state", "Confirmed");
    case SA_HAND_OFF_STATE_LANDED_ELSEWHERE:
      /* Translators: state of a hand-off: the licenses arrived in another account */
      return C_("hand-off state", "Landed elsewhere");
    case SA_HAND_OFF_STATE_EXPIRED:
      return C_("hand-off state", "Expired");
    case SA_HAND_OFF_STATE_FAILED:
      return C_("hand-off state", "Failed");
    case SA_HAND_OFF_STATE_REMOVED:
      return C_("hand-off state", "Removed");
    default:
      return "";
    }
}

/**
 * sa_hand_off_field_get_label:
 * @field: an #SaHandOffField
 *
 * Returns: (transfer none): the translated name of the field, in the
 *   portal's words where it has one (GLOSSARY.md)
 */
const char *
sa_hand_off_field_get_label (SaHandOffField field)
{
  switch (field)
    {
    case SA_HAND_OFF_FIELD_DOMAIN:
      return _("Domain Identifier");
    case SA_HAND_OFF_FIELD_ACCOUNT_NAME:
      return _("Account Name");
    case SA_HAND_OFF_FIELD_VIRTUAL_ACCOUNT:
      return _("Virtual Account");
    case SA_HAND_OFF_FIELD_INTENDED_VIRTUAL_ACCOUNT:
      return _("Intended Virtual Account");
    case SA_HAND_OFF_FIELD_CUSTOMER_EMAIL:
      return _("Customer Email");
    case SA_HAND_OFF_FIELD_NOTE_TO_CUSTOMER:
      return _("Note to Customer");
    case SA_HAND_OFF_FIELD_NOTE_TO_USERS:
      return _("Note to Added Users");
    case SA_HAND_OFF_FIELD_REASON:
      return _("Reason for request");
    case SA_HAND_OFF_FIELD_ACCOUNT_ID:
      return _("Smart Account ID");
    case SA_HAND_OFF_N_FIELDS:
    default:
      return "";
    }
}

/**
 * sa_hand_off_procedure_to_string:
 * @procedure: an #SaHandOffProcedure
 *
 * Returns: (transfer none) (nullable): the name kept in the journal
 *   ("assign-order"), or %NULL for an invalid value
 */
const char *
sa_hand_off_procedure_to_string (SaHandOffProcedure procedure)
{
  return sa_journal_enum_to_nick (SA_TYPE_HAND_OFF_PROCEDURE, procedure);
}

/**
 * sa_hand_off_procedure_from_string:
 * @str: (nullable): a name kept in the journal
 * @procedure: (out): the procedure
 *
 * Returns: %FALSE for an unknown name (@procedure untouched)
 */
gboolean
sa_hand_off_procedure_from_string (const char         *str,
                                   SaHandOffProcedure *procedure)
{
  int value;

  if (!sa_journal_enum_from_nick (SA_TYPE_HAND_OFF_PROCEDURE, str, &value))
    return FALSE;
  *procedure = value;
  return TRUE;
}

/**
 * sa_hand_off_state_to_string:
 * @state: an #SaHandOffState
 *
 * Returns: (transfer none) (nullable): the name kept in the journal
 *   ("handed-off"), or %NULL for an invalid value
 */
const char *
sa_hand_off_state_to_string (SaHandOffState state)
{
  return sa_journal_enum_to_nick (SA_TYPE_HAND_OFF_STATE, state);
}

/**
 * sa_hand_off_state_from_string:
 * @str: (nullable): a name kept in the journal
 * @state: (out): the state
 *
 * Returns: %FALSE for an unknown name (@state untouched)
 */
gboolean
sa_hand_off_state_from_string (const char     *str,
                               SaHandOffState *state)
{
  int value;

  if (!sa_journal_enum_from_nick (SA_TYPE_HAND_OFF_STATE, str, &value))
    return FALSE;
  *state = value;
  return TRUE;
}
