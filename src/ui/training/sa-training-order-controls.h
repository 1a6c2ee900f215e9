/* sa-training-order-controls.h — the trainer's controls on the order page
 * (training only): ship the order, register a device, export hold
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sa-core.h"

G_BEGIN_DECLS

#define SA_TYPE_TRAINING_ORDER_CONTROLS (sa_training_order_controls_get_type ())
G_DECLARE_FINAL_TYPE (SaTrainingOrderControls, sa_training_order_controls, SA, TRAINING_ORDER_CONTROLS, AdwBin)

void     sa_training_order_controls_set_order (SaTrainingOrderControls *self,
                                               SaOrder                 *order);
SaOrder *sa_training_order_controls_get_order (SaTrainingOrderControls *self);

G_END_DECLS
