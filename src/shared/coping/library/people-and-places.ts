import type { CopingStrategy } from '../strategy-schema.js';

/** Strategies that change who you are with, where you are, or what fills the next minutes. Our own words. */
export const peopleAndPlaces: CopingStrategy[] = [
  {
    id: 'reach_out',
    kind: 'connection',
    minutes: 10,
    text: {
      en: {
        title: 'Reach out to someone',
        summary: "Call or text a person who supports your recovery. You don't have to carry this alone.",
        steps: [
          'Think of one or two people who support your recovery: your peer worker, a sponsor, a friend, family, someone from your group.',
          'Call or text one of them now. It is enough to say "I\'m having a hard moment. Can we talk?"',
          'Tell them what is going on, as much or as little as you want.',
          "If the first person doesn't answer, try the next one, or go to a meeting, in person or online.",
          'Afterward, notice how it felt to be heard.',
        ],
        whenItHelps: 'When you feel alone with it, or you notice yourself starting to hide it.',
      },
      es: {
        title: 'Busca a alguien',
        summary: 'Llama o escribe a una persona que apoye tu recuperación. No tienes que cargar con esto a solas.',
        steps: [
          'Piensa en una o dos personas que apoyen tu recuperación: tu acompañante, tu padrino o madrina, una amistad, tu familia, alguien de tu grupo.',
          'Llama o escribe a una de ellas ahora. Basta con decir: «Estoy pasando un momento difícil. ¿Podemos hablar?».',
          'Cuéntale lo que pasa, tanto o tan poco como quieras.',
          'Si la primera persona no responde, prueba con la siguiente, o ve a una reunión, en persona o en línea.',
          'Después, nota cómo te hizo sentir que alguien te escuchara.',
        ],
        whenItHelps: 'Cuando sientes que estás a solas con esto, o notas que empiezas a esconderlo.',
      },
    },
  },
  {
    id: 'leave_the_situation',
    kind: 'environment',
    minutes: 5,
    text: {
      en: {
        title: 'Step away from the situation',
        summary: 'Change where you are: distance from a trigger makes the urge easier to ride out.',
        steps: [
          'Notice what around you is feeding the craving: a person, a place, a smell, something you can see.',
          'Give yourself permission to leave. You don\'t owe anyone an explanation; "I need some air" is enough.',
          "Go somewhere safer: outside, another room, a friend's place, a store, a meeting.",
          'Once you are there, take a few slow breaths and let your body know you are out of it.',
          "If you can, tell someone where you are, and plan how you'll avoid that spot next time.",
        ],
        whenItHelps: 'When you are around people, places or things connected with past use.',
      },
      es: {
        title: 'Aléjate de la situación',
        summary: 'Cambia de lugar: poner distancia con lo que te detona hace que las ganas sean más fáciles de pasar.',
        steps: [
          'Fíjate en qué está alimentando las ganas a tu alrededor: una persona, un lugar, un olor, algo que ves.',
          'Date permiso para irte. No le debes explicaciones a nadie; «necesito tomar aire» es suficiente.',
          'Ve a un lugar más seguro: afuera, otra habitación, la casa de una amistad, una tienda, una reunión.',
          'Ya allí, respira despacio unas cuantas veces y deja que tu cuerpo sepa que saliste de eso.',
          'Si puedes, dile a alguien dónde estás y planea cómo evitar ese lugar la próxima vez.',
        ],
        whenItHelps: 'Cuando estás cerca de personas, lugares o cosas relacionadas con el consumo del pasado.',
      },
    },
  },
  {
    id: 'delay_and_distract',
    kind: 'distraction',
    minutes: 15,
    text: {
      en: {
        title: 'Delay and distract',
        summary: 'Put off the decision for fifteen minutes and fill that time with something absorbing.',
        steps: [
          'Tell yourself: "I don\'t have to decide anything for the next fifteen minutes."',
          'Set a timer on your phone.',
          'Pick something that takes your hands and your attention: a game, cooking, tidying one small space, a shower, a show, a puzzle.',
          'When the timer rings, check in with yourself. If the urge is still strong, set it again and pick something new.',
          'Each time you wait, notice that the craving changes. Waiting is a win.',
        ],
        whenItHelps: 'When the urge says "right now". Most cravings lose strength once you put time between you and them.',
      },
      es: {
        title: 'Espera y distráete',
        summary: 'Aplaza la decisión quince minutos y llena ese tiempo con algo que te atrape.',
        steps: [
          'Dite: «No tengo que decidir nada en los próximos quince minutos».',
          'Pon un temporizador en el teléfono.',
          'Elige algo que ocupe tus manos y tu atención: un juego, cocinar, ordenar un rincón, una ducha, una serie, un rompecabezas.',
          'Cuando suene, revisa cómo estás. Si las ganas siguen fuertes, ponlo otra vez y elige algo distinto.',
          'Cada vez que esperas, fíjate en que las ganas cambian. Esperar ya es ganar.',
        ],
        whenItHelps: 'Cuando las ganas dicen «ahora mismo». La mayoría pierden fuerza cuando pones tiempo de por medio.',
      },
    },
  },
];
