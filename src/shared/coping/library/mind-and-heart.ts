import type { CopingStrategy } from '../strategy-schema.js';

/** Strategies that work through thoughts, feelings and self-talk. Written for Peerpath in our own words. */
export const mindAndHeart: CopingStrategy[] = [
  {
    id: 'halt_check',
    kind: 'reflection',
    minutes: 3,
    text: {
      en: {
        title: 'HALT check',
        summary: 'Ask whether you are Hungry, Angry, Lonely or Tired, and meet that need first.',
        steps: [
          'Pause and ask: am I hungry? When did I last eat something real?',
          "Ask: am I angry, or carrying a feeling I haven't said out loud?",
          'Ask: am I lonely? When did I last talk with someone who gets it?',
          'Ask: am I tired? How did I sleep?',
          'Pick the need that rings truest and do one small thing about it now: a snack, a call, a rest, a few honest words.',
        ],
        whenItHelps: 'When a craving seems to come out of nowhere. Often it is a need of the body or the heart in disguise.',
      },
      es: {
        title: 'Chequeo HALT: hambre, enojo, soledad, cansancio',
        summary: 'Pregúntate si sientes hambre, enojo, soledad o cansancio, y atiende esa necesidad primero.',
        steps: [
          'Haz una pausa y pregúntate: ¿tengo hambre? ¿Cuándo comí algo de verdad por última vez?',
          'Pregúntate: ¿siento enojo, o cargo algo que no he dicho en voz alta?',
          'Pregúntate: ¿siento soledad? ¿Cuándo hablé por última vez con alguien que me entiende?',
          'Pregúntate: ¿siento cansancio? ¿Cómo dormí?',
          'Elige la necesidad que más resuene y haz algo pequeño por ella ahora: comer algo, una llamada, un descanso, unas palabras sinceras.',
        ],
        whenItHelps: 'Cuando las ganas parecen salir de la nada. Muchas veces son una necesidad del cuerpo o del corazón, disfrazada.',
      },
    },
  },
  {
    id: 'write_it_out',
    kind: 'reflection',
    minutes: 10,
    text: {
      en: {
        title: 'Write it out',
        summary: 'Put the craving and what is behind it on paper, so it has somewhere to go.',
        steps: [
          'Grab a notebook, the notes on your phone, or your journal.',
          'Write down what is happening right now: where you are, who is around, what just happened.',
          'Write what the craving is telling you, word for word, and what you feel underneath it.',
          'Write what you want for yourself tomorrow morning.',
          'Read it back once and circle one thing you can do in the next hour.',
        ],
        whenItHelps: 'When thoughts keep looping, or something happened that you have not had a chance to talk about.',
      },
      es: {
        title: 'Escríbelo',
        summary: 'Pon en papel las ganas y lo que hay detrás, para que tengan a dónde ir.',
        steps: [
          'Toma un cuaderno, las notas del teléfono o tu diario.',
          'Escribe lo que está pasando ahora: dónde estás, quién está cerca, qué acaba de ocurrir.',
          'Escribe lo que te dicen las ganas, palabra por palabra, y lo que sientes debajo de ellas.',
          'Escribe lo que quieres para ti mañana por la mañana.',
          'Léelo una vez y marca una cosa que puedas hacer en la próxima hora.',
        ],
        whenItHelps: 'Cuando los pensamientos dan vueltas, o pasó algo de lo que todavía no has podido hablar.',
      },
    },
  },
  {
    id: 'play_the_tape_forward',
    kind: 'reflection',
    minutes: 5,
    text: {
      en: {
        title: 'Play the tape forward',
        summary: 'Follow the craving past the first moment, to where it usually ends up.',
        steps: [
          'Notice the picture the craving paints: usually only the first few minutes, the relief.',
          'Keep the story going: what happens an hour later? That night? The next morning?',
          'Think about who else is in the story: the people you love, your plans, your peer worker.',
          'Now play a second tape, where you ride this out. How do you feel tomorrow morning?',
          'Choose the story you want, and take one step toward it now.',
        ],
        whenItHelps: 'When the craving makes using look easy, fun or harmless.',
      },
      es: {
        title: 'Adelanta la película',
        summary: 'Sigue las ganas más allá del primer momento, hasta donde suelen terminar.',
        steps: [
          'Fíjate en la imagen que pintan las ganas: casi siempre solo los primeros minutos, el alivio.',
          'Sigue la historia: ¿qué pasa una hora después? ¿Esa noche? ¿A la mañana siguiente?',
          'Piensa en quién más aparece en la historia: las personas que quieres, tus planes, tu acompañante.',
          'Ahora mira otra película, una en la que dejas pasar las ganas. ¿Cómo te sientes mañana por la mañana?',
          'Elige la historia que quieres y da un paso hacia ella ahora.',
        ],
        whenItHelps: 'Cuando las ganas hacen que consumir parezca fácil, divertido o inofensivo.',
      },
    },
  },
  {
    id: 'kind_self_talk',
    kind: 'kindness',
    minutes: 5,
    text: {
      en: {
        title: 'Talk to yourself with kindness',
        summary: 'Speak to yourself the way you would speak to a friend in the same spot.',
        steps: [
          'Notice what you are telling yourself right now, especially any harsh words.',
          'Say to yourself: "This is a hard moment. Cravings are part of recovery; they don\'t mean I\'m doing it wrong."',
          'If it feels okay, rest a hand on your chest or shoulder and breathe slowly.',
          'Ask: "What would I say to a friend who felt this?" Then say those words to yourself.',
          'Name one thing you did for your recovery this week, however small.',
        ],
        whenItHelps: 'When shame, guilt or "what\'s the point" thoughts show up with the craving.',
      },
      es: {
        title: 'Háblate con amabilidad',
        summary: 'Háblate como le hablarías a alguien querido que estuviera pasando por lo mismo.',
        steps: [
          'Fíjate en lo que te estás diciendo ahora, sobre todo en las palabras duras.',
          'Dite: «Este es un momento difícil. Las ganas son parte de la recuperación; no significan que lo esté haciendo mal».',
          'Si te sienta bien, pon una mano en el pecho o en el hombro y respira despacio.',
          'Pregúntate: «¿Qué le diría a alguien querido que sintiera esto?». Luego dite esas mismas palabras.',
          'Nombra una cosa que hiciste por tu recuperación esta semana, por pequeña que sea.',
        ],
        whenItHelps: 'Cuando junto con las ganas aparecen la vergüenza, la culpa o el «¿para qué?».',
      },
    },
  },
];
