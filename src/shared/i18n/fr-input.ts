import type { enInput } from './en-input.ts';

/** French messages: refusals of malformed input, before or while it is read (decision 0017). */
export const frInput = {
  'error.text.control_character': 'Contient un caractère de contrôle (tel que NUL) interdit dans un texte.',
  'error.text.lone_surrogate': 'Contient un caractère invalide (une moitié de paire de substitution UTF-16).',
  'error.date.out_of_range': 'Saisissez une date entre le {min} et le {max}.',
  'error.cursor.invalid': 'Ce lien vers une page de la liste est abîmé : reprenez à la première page.',
  'error.cursor.other_order':
    'Ce lien vers une page appartient à la liste triée autrement : reprenez à la première page.',
  'error.invalid_url': 'L’adresse (URL) de la requête est mal formée.',
  'error.uri_too_long': 'L’adresse (URL) de la requête est trop longue.',
  'error.invalid_multipart': 'Les données de formulaire (multipart) de la requête sont mal formées.',
  'error.bad_request': 'La requête est mal formée.',
  'error.duplicate_in_list': 'Cette valeur figure deux fois dans la liste.',
  'error.etag_expected': 'Envoyez l’ETag lu, par exemple "3".',
  'error.headers_too_large': 'Les en-têtes de la requête sont trop volumineux.',
} satisfies Record<keyof typeof enInput, string>;
