/* sa-procedure-panel.h — the side panel showing the documented step at hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sa-procedures.h"

G_BEGIN_DECLS

#define SA_TYPE_PROCEDURE_PANEL (sa_procedure_panel_get_type ())
G_DECLARE_FINAL_TYPE (SaProcedurePanel, sa_procedure_panel, SA, PROCEDURE_PANEL, AdwBin)

GtkWidget      *sa_procedure_panel_new       (void);
void            sa_procedure_panel_show_step (SaProcedurePanel *self,
                                              SaProcedureStep   step);
SaProcedureStep sa_procedure_panel_get_step  (SaProcedurePanel *self);
gboolean        sa_procedure_panel_get_shown (SaProcedurePanel *self);
void            sa_procedure_panel_toggle    (SaProcedurePanel *self);


G_END_DECLS
