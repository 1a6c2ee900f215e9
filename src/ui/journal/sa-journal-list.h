/* sa-journal-list.h — the journal's entries for a view: listed, removed,
 * exported, transferred
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sa-core.h"
#include "sa-hand-off-row.h"

G_BEGIN_DECLS

#define SA_TYPE_JOURNAL_LIST (sa_journal_list_get_type ())
G_DECLARE_FINAL_TYPE (SaJournalList, sa_journal_list, SA, JOURNAL_LIST, GtkBox)

GtkWidget    *sa_journal_list_new_for_procedure (SaHandOffProcedure  procedure);
GtkWidget    *sa_journal_list_new_for_subject   (void);
GtkWidget    *sa_journal_list_new_scrolled      (SaJournalList      *self);
void          sa_journal_list_set_subject       (SaJournalList      *self,
                                                 const char         *subject);
void          sa_journal_list_set_journal       (SaJournalList      *self,
                                                 SaJournal          *journal,
                                                 SaWatch            *watch);
void          sa_journal_list_reload            (SaJournalList      *self);
gboolean      sa_journal_list_get_loading       (SaJournalList      *self);
GListModel   *sa_journal_list_get_entries       (SaJournalList      *self);
SaHandOffRow *sa_journal_list_find_row          (SaJournalList      *self,
                                                 gint64              id);
void          sa_journal_list_export            (SaJournalList      *self,
                                                 GFile              *file);

G_END_DECLS
