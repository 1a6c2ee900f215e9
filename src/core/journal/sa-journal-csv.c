/* sa-journal-csv.c — the journal as CSV, for a partner's records
 *
 * RFC 4180: one header row, then one record per hand-off; fields separated by
 * commas, records by CRLF; a field holding a comma, a double quote, CR or LF
 * is put in double quotes, its double quotes doubled. UTF-8 without a byte
 * order mark. Headers, procedures, states and observations are in the UI
 * language of the moment; dates are ISO 8601 in UTC. A field that a
 * spreadsheet would run as a formula (starting with =, +, -, @, a tab or CR)
 * gets a leading apostrophe (OWASP's advice against CSV injection).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "sa-journal.h"
#include "sa-types.h"

static void
append_field (GString    *out,
              const char *value,
              gboolean    first)
{
  g_autofree char *valid = g_utf8_make_valid (value != NULL ? value : "", -1);
  const char *text = valid;
  gboolean quote;

  if (!first)
    g_string_append_c (out, ',');

  quote = strpbrk (text, ",\"\r\n") != NULL;
  if (quote)
    g_string_append_c (out, '"');
  if (text[0] != '\0' && strchr ("=+-@\t\r", text[0]) != NULL)
    g_string_append_c (out, '\'');

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }

  if (quote)
    g_string_append_c (out, '"');
}

static char *
format_time (GDateTime *when)
{
  g_autoptr(GDateTime) utc = NULL;

  if (when == NULL)
    return g_strdup ("");

  utc = g_date_time_to_utc (when);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

static const char *
slot_label (SaHandOffSlot slot)
{
  switch (slot)
    {
    case SA_HAND_OFF_SLOT_END_CUSTOMER:
      return sa_account_type_get_label (SA_ACCOUNT_TYPE_CUSTOMER);
    case SA_HAND_OFF_SLOT_HOLDING:
      return sa_account_type_get_label (SA_ACCOUNT_TYPE_HOLDING);
    case SA_HAND_OFF_SLOT_NONE:
    default:
      return "";
    }
}

/* Every observation, one per line: "<ISO date> <summary>". */
static char *
format_observations (SaHandOff *hand_off)
{
  GListModel *observations = sa_hand_off_get_observations (hand_off);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (observations); i++)
    {
      g_autoptr(SaHandOffObservation) observation = g_list_model_get_item (observations, i);
      g_autofree char *when = format_time (sa_hand_off_observation_get_seen (observation));
      g_autofree char *summary = sa_hand_off_observation_dup_summary (observation);

      if (i > 0)
        g_string_append_c (out, '\n');
      g_string_append_printf (out, "%s %s", when, summary);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
append_header (GString *out)
{
  append_field (out, _("Entry"), TRUE);
  append_field (out, _("Procedure"), FALSE);
  append_field (out, _("State"), FALSE);
  append_field (out, _("Order or Domain"), FALSE);
  append_field (out, _("Smart Account Type"), FALSE);
  for (guint f = 0; f < SA_HAND_OFF_N_FIELDS; f++)
    append_field (out, sa_hand_off_field_get_label (f), FALSE);
  append_field (out, _("User Emails"), FALSE);
  append_field (out, C_("journal column", "Created"), FALSE);
  append_field (out, _("Done in the Portal"), FALSE);
  append_field (out, _("Last Checked"), FALSE);
  append_field (out, _("Observations"), FALSE);
  g_string_append (out, "\r\n");
}

static void
append_record (GString   *out,
               SaHandOff *hand_off)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, sa_hand_off_get_id (hand_off));
  const char * const *emails = sa_hand_off_get_user_emails (hand_off);
  g_autofree char *joined = emails != NULL ? g_strjoinv ("\n", (char **) emails) : NULL;
  g_autofree char *created = format_time (sa_hand_off_get_created (hand_off));
  g_autofree char *handed_off = format_time (sa_hand_off_get_handed_off (hand_off));
  g_autofree char *checked = format_time (sa_hand_off_get_last_checked (hand_off));
  g_autofree char *observations = format_observations (hand_off);

  append_field (out, id, TRUE);
  append_field (out, sa_hand_off_procedure_get_label (sa_hand_off_get_procedure (hand_off)), FALSE);
  append_field (out, sa_hand_off_state_get_label (sa_hand_off_get_state (hand_off)), FALSE);
  append_field (out, sa_hand_off_get_subject (hand_off), FALSE);
  append_field (out, slot_label (sa_hand_off_get_slot (hand_off)), FALSE);
  for (guint f = 0; f < SA_HAND_OFF_N_FIELDS; f++)
    append_field (out, sa_hand_off_get_field (hand_off, f), FALSE);
  append_field (out, joined, FALSE);
  append_field (out, created, FALSE);
  append_field (out, handed_off, FALSE);
  append_field (out, checked, FALSE);
  append_field (out, observations, FALSE);
  g_string_append (out, "\r\n");
}

/**
 * sa_journal_format_csv:
 * @hand_offs: a #GListModel of #SaHandOff
 *
 * The hand-offs as CSV text (RFC 4180, UTF-8): a header row in the UI
 * language, then one record per hand-off with its procedure, state, order or
 * domain, every prepared value, dates (ISO 8601, UTC) and its observations,
 * one per line within the field. What sa_journal_export_csv_async() writes.
 * Any thread.
 *
 * Returns: (transfer full): the CSV text; free with g_free()
 */
char *
sa_journal_format_csv (GListModel *hand_offs)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_val_if_fail (G_IS_LIST_MODEL (hand_offs), NULL);

  append_header (out);
  for (guint i = 0; i < g_list_model_get_n_items (hand_offs); i++)
    {
      g_autoptr(SaHandOff) hand_off = g_list_model_get_item (hand_offs, i);

      append_record (out, hand_off);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}
