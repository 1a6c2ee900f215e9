/* sa-journal-error.c — the journal's error domain, its translated messages,
 * and the names it keeps enumerations by
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sa-journal.h"
#include "sa-journal-private.h"

G_DEFINE_QUARK (sa-journal-error-quark, sa_journal_error)

/**
 * sa_journal_error_new:
 * @code: an #SaJournalError
 * @path: (nullable): the file concerned: the kept file for CORRUPT and
 *   TOO_NEW, the journal for UNAVAILABLE, the CSV file for EXPORT_FAILED
 * @detail: (nullable): what went wrong, for the debug log only
 *
 * Returns: (transfer full): an %SA_JOURNAL_ERROR whose message is a
 *   translated sentence saying what happened and what to do next
 */
GError *
sa_journal_error_new (SaJournalError  code,
                      const char     *path,
                      const char     *detail)
{
  g_autofree char *name = path != NULL ? g_filename_display_name (path) : g_strdup ("");
  g_autofree char *message = NULL;

  if (detail != NULL)
    g_debug ("Journal error %d: %s", code, detail);

  switch (code)
    {
    case SA_JOURNAL_ERROR_UNAVAILABLE:
      /* Translators: %s is a file name */
      message = g_strdup_printf (_("The journal “%s” cannot be opened. Check that its folder exists and that you may write in it."), name);
      break;
    case SA_JOURNAL_ERROR_CORRUPT:
      /* Translators: %s is the file name the damaged journal was given */
      message = g_strdup_printf (_("The journal was damaged. It was kept as “%s” for your records, and a new, empty journal was started."), name);
      break;
    case SA_JOURNAL_ERROR_TOO_NEW:
      /* Translators: %s is the file name the journal was given */
      message = g_strdup_printf (_("The journal was written by a newer version of Smart Account Desk. It was kept as “%s” for that version, and a new, empty journal was started."), name);
      break;
    case SA_JOURNAL_ERROR_BUSY:
      message = g_strdup (_("Another Smart Account Desk window is writing to the journal. Try again in a moment."));
      break;
    case SA_JOURNAL_ERROR_NOT_FOUND:
      message = g_strdup (_("This entry is no longer in the journal: it was removed."));
      break;
    case SA_JOURNAL_ERROR_INVALID:
      message = g_strdup (_("This hand-off is incomplete and cannot be kept in the journal."));
      break;
    case SA_JOURNAL_ERROR_EXPORT_FAILED:
      /* Translators: %s is a file name */
      message = g_strdup_printf (_("The journal could not be exported to “%s”. Check that the folder exists and that you may write in it."), name);
      break;
    case SA_JOURNAL_ERROR_FAILED:
    default:
      message = g_strdup (_("The journal could not be read or saved. Check that the disk has free space, then try again."));
      break;
    }

  return g_error_new_literal (SA_JOURNAL_ERROR, code, message);
}

/**
 * sa_journal_enum_to_nick:
 * @type: a #GEnum type
 * @value: one of its values
 *
 * Returns: (transfer none) (nullable): the value's nick (the name kept in
 *   the journal), or %NULL for an invalid value. Any thread.
 */
const char *
sa_journal_enum_to_nick (GType type,
                         int   value)
{
  GEnumClass *klass = g_type_class_ref (type);
  GEnumValue *found = g_enum_get_value (klass, value);
  const char *nick = found != NULL ? found->value_nick : NULL;

  /* Static types: the class and its nicks stay. */
  g_type_class_unref (klass);
  return nick;
}

/**
 * sa_journal_enum_from_nick:
 * @type: a #GEnum type
 * @nick: (nullable): a nick
 * @value: (out): the value
 *
 * Returns: %FALSE for an unknown nick (@value untouched). Any thread.
 */
gboolean
sa_journal_enum_from_nick (GType       type,
                           const char *nick,
                           int        *value)
{
  GEnumClass *klass;
  GEnumValue *found;

  if (nick == NULL)
    return FALSE;

  klass = g_type_class_ref (type);
  found = g_enum_get_value_by_nick (klass, nick);
  if (found != NULL)
    *value = found->value;
  g_type_class_unref (klass);

  return found != NULL;
}
