import {
  LabelBuilder,
  ModalBuilder,
  type ModalSubmitInteraction,
  TextInputBuilder,
  TextInputStyle,
} from 'discord.js';

/**
 * The only way to log in from Discord: a modal only the caller sees, opened by `/coop login`. Discord
 * has no password field, so the password shows as typed, in that private form only; it is checked with
 * Co-op, stored encrypted, and never sent back or logged.
 */
export const LOGIN_MODAL_ID = 'coop-login';
const EMAIL_FIELD = 'coop-email';
const PASSWORD_FIELD = 'coop-password';

export function loginModal(email?: string): ModalBuilder {
  const emailInput = new TextInputBuilder()
    .setCustomId(EMAIL_FIELD)
    .setStyle(TextInputStyle.Short)
    .setRequired(true)
    .setMaxLength(254)
    .setPlaceholder('you@example.com');
  if (email) emailInput.setValue(email.slice(0, 254));
  const passwordInput = new TextInputBuilder()
    .setCustomId(PASSWORD_FIELD)
    .setStyle(TextInputStyle.Short)
    .setRequired(true)
    .setMaxLength(200);
  return new ModalBuilder()
    .setCustomId(LOGIN_MODAL_ID)
    .setTitle('Link your Co-op account')
    .addLabelComponents(
      new LabelBuilder().setLabel('Co-op email').setTextInputComponent(emailInput),
      new LabelBuilder()
        .setLabel('Co-op password')
        .setDescription('Only you see this form. Checked with Co-op, then stored encrypted.')
        .setTextInputComponent(passwordInput),
    );
}

export function loginFields(interaction: ModalSubmitInteraction): { email: string; password: string } {
  return {
    email: interaction.fields.getTextInputValue(EMAIL_FIELD),
    password: interaction.fields.getTextInputValue(PASSWORD_FIELD),
  };
}
